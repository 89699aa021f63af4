// The interactive reference over the generated OpenAPI document. "Authorize" takes a bearer token
// (in dev mode: POST /v1/dev/token with a demo user id); it is kept for this browser tab only.
window.SwaggerUIBundle({
  url: '/v1/openapi.json',
  dom_id: '#reference',
  deepLinking: true,
  persistAuthorization: false,
  tryItOutEnabled: true,
});
