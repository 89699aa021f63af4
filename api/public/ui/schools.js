import { api } from './api.js';

/** The caller's schools by name (GET /v1/schools), loaded once per sign-in: URN to name. */
let loaded;
let loadedFor;
export function schoolNames(token) {
  if (loadedFor !== token) {
    loadedFor = token;
    loaded = api('/v1/schools').then((body) => new Map(body.schools.map((s) => [s.urn, s.name])), () => new Map());
  }
  return loaded;
}
