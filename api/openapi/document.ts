import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { markRowAsOf } from '../../feeds/attendance/mark-row';
import { pupilRow, schoolRow } from '../../feeds/register/register-rows';
import { referralBody, reportConcernBody } from '../../intake/requests';
import { caseListQuery } from '../../read-model/list-cases';
import { decisionRoutes } from '../decision-schemas';
import {
  caseIdParams,
  exportQuery,
  closuresBody,
  laCodeParams,
  newPupilReturnBody,
  notificationChannelBody,
  notificationChannelParams,
  ruleSettingBody,
  ruleSettingParams,
  schoolBody,
  schoolDaysQuery,
  schoolUrnParams,
  termDatesBody,
} from '../schemas';

const errorBody = z
  .object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), reasons: z.array(z.string()).optional() }) })
  .meta({ id: 'Error', description: 'Every error has this shape; `field` names the failing part of the request; `reasons` lists every condition a refused decision failed.' });

const passedToLaBody = z
  .object({ received: z.literal(true), message: z.string() })
  .meta({ id: 'PassedToLa', description: "The report was received and passed to the LA; the child's case is not the caller's to read, so nothing of it is named." });

const anyJson = z.record(z.string(), z.unknown());
const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = {
  400: json(errorBody, 'Malformed request: the failing field is named'),
  401: json(errorBody, 'Missing, expired or invalid bearer token'),
  403: json(errorBody, 'Not permitted for this role or scope'),
  404: json(errorBody, 'Not found, or outside the caller\'s scope'),
  409: json(errorBody, 'Not allowed in the case\'s current stage, or already decided'),
  422: json(errorBody, 'Refused: by the rules (`refused`, with every failing condition in `reasons`), or by the register (`unknown_school`, naming `schoolUrn`, for a school not on it; `rows_refused` for an upload whose every row was refused)'),
  503: json(errorBody, 'The case engine did not answer in time; nothing was lost'),
};

/** `passedToLa`: a report whose child's case the caller may not read is answered 202 with nothing of the case. */
type Route = Omit<RouteConfig, 'responses' | 'security'> & { ok?: number; public?: boolean; passedToLa?: boolean };

/**
 * A streamed upload: CSV with a header row, or a JSON array of the row schema. 200 reports rows kept and refused
 * (by line and field) and the cases fed; 422 when every row was refused; nothing is written of a broken file.
 */
function upload(path: string, summary: string, header: string, row: z.ZodType): Route {
  return {
    method: 'post',
    path,
    summary,
    tags: ['register'],
    request: {
      body: {
        content: {
          'text/csv': { schema: z.string().meta({ description: `CSV, header: ${header}` }) },
          'application/json': { schema: z.array(row) },
        },
      },
    },
  };
}

/** Each route the API serves, with the zod schemas it validates against: the document cannot drift from them. */
const routes: Route[] = [
  { method: 'get', path: '/healthz', summary: 'Temporal and database reachability', public: true, tags: ['operations'] },
  { method: 'get', path: '/v1/dev/users', summary: 'Demo users (AUTH_MODE=dev only)', public: true, tags: ['dev sign-in'] },
  { method: 'post', path: '/v1/dev/token', summary: 'A bearer token for a demo user (AUTH_MODE=dev only)', public: true, tags: ['dev sign-in'], request: { body: { content: { 'application/json': { schema: z.object({ userId: z.string() }) } } } } },
  { method: 'post', path: '/v1/concerns', passedToLa: true, summary: 'A school reports a concern: opens the child\'s case (201) or joins the open one (200)', tags: ['cases'], ok: 201, request: { body: { content: { 'application/json': { schema: reportConcernBody } } } } },
  { method: 'post', path: '/v1/referrals', passedToLa: true, summary: 'T15: referral of a child on no school roll (EA96 s436A)', tags: ['cases'], ok: 201, request: { body: { content: { 'application/json': { schema: referralBody } } } } },
  { method: 'post', path: '/v1/new-pupil-returns', passedToLa: true, summary: 'A new-pupil return (SAR24 reg 13(1)): closes the child\'s open case at another school; refused (422) from the case\'s own school or for a future registration', tags: ['cases'], request: { body: { content: { 'application/json': { schema: newPupilReturnBody } } } } },
  { method: 'get', path: '/v1/cases', summary: 'Cases in the caller\'s scope, filtered and paged, soonest deadline first', tags: ['cases'], request: { query: caseListQuery } },
  { method: 'get', path: '/v1/cases/{caseId}', summary: 'A live case: stage, clocks, concerns, decisions', tags: ['cases'], request: { params: caseIdParams } },
  { method: 'get', path: '/v1/cases/{caseId}/child', summary: 'Who the child is (name, address, family), for those who may see the case', tags: ['cases'], request: { params: caseIdParams } },
  { method: 'get', path: '/v1/cases/{caseId}/export', summary: "The case's full record for disclosure: JSON, or a printable page (format=html); LA roles", tags: ['cases'], request: { params: caseIdParams, query: exportQuery } },
  { method: 'get', path: '/v1/inbox', summary: 'What awaits the caller: the decisions its role takes, clocks escalated to it (how long overdue), clocks overdue or due soon, code N marks past their 5 school days (unresolvedNMarks)', tags: ['cases'] },
  { method: 'get', path: '/v1/dashboard', summary: 'Open cases by stage, school and SEND flag; overdue and breached clocks; weekly flow (LA roles)', tags: ['cases'] },
  { method: 'get', path: '/v1/ui-config', summary: 'What the web UI needs to know: sign-in mode, Temporal UI link', public: true, tags: ['operations'] },
  { method: 'get', path: '/v1/cases/{caseId}/timeline', summary: 'Audit log merged with the case\'s Temporal history', tags: ['cases'], request: { params: caseIdParams } },
  ...Object.entries(decisionRoutes).map(([path, { body, summary }]): Route => ({
    method: 'post',
    path: `/v1/cases/{caseId}/${path}`,
    summary,
    tags: ['decisions'],
    request: { params: caseIdParams, body: { content: { 'application/json': { schema: body } } } },
  })),
  { method: 'put', path: '/v1/schools/{urn}', summary: 'Registers or updates a school (admin)', tags: ['register'], request: { params: schoolUrnParams, body: { content: { 'application/json': { schema: schoolBody } } } } },
  upload('/v1/register/schools', 'The school register (admin)', 'urn,name,la_code,is_special', schoolRow),
  upload('/v1/register/pupils', 'The pupil register: roll, SEN flags, leaving dates; a leaver with no deletion return opens a case', 'school_urn,upn[,sen_status,placed_by_la,leaving_date,standard_transition,given_name,family_name,date_of_birth,address]', pupilRow),
  upload('/v1/attendance-marks', 'Register marks, one school\'s day or an LA\'s; thresholds crossed open or feed cases', 'school_urn,upn,date,session,code', markRowAsOf('9999-12-31')),
  { method: 'get', path: '/v1/las/{laCode}/terms', summary: 'The LA\'s term dates', tags: ['calendars'], request: { params: laCodeParams } },
  { method: 'put', path: '/v1/las/{laCode}/terms', summary: 'Replaces the LA\'s term dates (admin, manager)', tags: ['calendars'], request: { params: laCodeParams, body: { content: { 'application/json': { schema: termDatesBody } } } } },
  { method: 'get', path: '/v1/schools/{urn}/closures', summary: 'The school\'s INSET and closure days', tags: ['calendars'], request: { params: schoolUrnParams } },
  { method: 'put', path: '/v1/schools/{urn}/closures', summary: 'Replaces the school\'s closure days (its school, manager, admin)', tags: ['calendars'], request: { params: schoolUrnParams, body: { content: { 'application/json': { schema: closuresBody } } } } },
  { method: 'get', path: '/v1/schools/{urn}/school-days', summary: 'School-day arithmetic on the school\'s calendar', tags: ['calendars'], request: { params: schoolUrnParams, query: schoolDaysQuery } },
  { method: 'get', path: '/v1/las/{laCode}/rules', summary: 'The rule table with sources, and the LA\'s settings', tags: ['rules'], request: { params: laCodeParams } },
  { method: 'put', path: '/v1/las/{laCode}/rules/{ruleId}', summary: 'Sets a configurable rule for the LA (admin, manager)', tags: ['rules'], request: { params: ruleSettingParams, body: { content: { 'application/json': { schema: ruleSettingBody } } } } },
  { method: 'get', path: '/v1/notification-channels', summary: 'The notification directory: how each party is reached (admin)', tags: ['notifications'] },
  { method: 'get', path: '/v1/notification-channels/{recipient}', summary: 'How one party is reached (admin); 404: it is told on the console', tags: ['notifications'], request: { params: notificationChannelParams } },
  { method: 'delete', path: '/v1/notification-channels/{recipient}', summary: 'Removes how a party is reached (admin): it is told on the console from then on; answers the removed channel', tags: ['notifications'], request: { params: notificationChannelParams } },
  { method: 'put', path: '/v1/notification-channels/{recipient}', summary: 'Sets how a party is reached: smtp (e-mail), webhook (URL and secret name) or console (admin)', tags: ['notifications'], request: { params: notificationChannelParams, body: { content: { 'application/json': { schema: notificationChannelBody } } } } },
];

export type OpenApiDocument = ReturnType<typeof openApiDocument>;

export function openApiDocument() {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const { ok = 200, public: isPublic, passedToLa, ...route } of routes) {
    registry.registerPath({
      ...route,
      ...(isPublic ? {} : { security: [{ [bearer.name]: [] }] }),
      responses: { [ok]: json(anyJson, 'Success'), ...(passedToLa ? { 202: json(passedToLaBody, 'Received and passed to the LA') } : {}), ...errors },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'CME case engine API',
      version: '1',
      description: 'One durable case per child at risk of missing education. Every request except health and dev sign-in needs a bearer token.',
    },
    servers: [{ url: '/' }],
  });
}
