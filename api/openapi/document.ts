import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { markRowAsOf } from '../../feeds/attendance/mark-row';
import { pupilRow, schoolRow } from '../../feeds/register/register-rows';
import { referralBody, reportConcernBody } from '../../intake/requests';
import { caseListQuery } from '../../read-model/list-cases';
import { registerQuery } from '../../read-model/registers';
import { cmeRegisterBody, eheRegisterBody, returnItemBody, returnItemParams, returnParams, returnQuery, termlyReturnBody } from '../register-schemas';
import { decisionRoutes } from '../decision-schemas';
import { attendanceSeriesBody, targetedSupportBody, targetedSupportQuery } from '../attendance-schemas';
import {
  caseExportBody,
  caseListBody,
  caseStateBody,
  childBody,
  closuresListBody,
  concernReceiptBody,
  dashboardBody,
  decisionAnswerBody,
  demoUsersBody,
  devTokenBody,
  healthBody,
  inboxBody,
  newPupilReturnMatchedBody,
  notificationChannelsBody,
  notificationChannelViewBody,
  passedToLaBody,
  ruleSettingSavedBody,
  rulesBody,
  schoolDaysBody,
  schoolListBody,
  schoolSavedBody,
  termsBody,
  timelineBody,
  uiConfigBody,
  uploadProgressBody,
  uploadReportBody,
} from '../response-schemas';
import {
  caseIdParams,
  devTokenRequest,
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
  uploadIdParams,
} from '../schemas';

const errorBody = z
  .object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), reasons: z.array(z.string()).optional() }) })
  .meta({ id: 'Error', description: 'Every error has this shape; `field` names the failing part of the request; `reasons` lists every condition a refused decision failed.' });

const json = (schema: z.ZodType, description: string): ResponseConfig => ({ description, content: { 'application/json': { schema } } });
const errors = {
  400: json(errorBody, 'Malformed request: the failing field is named'),
  401: json(errorBody, 'Missing, expired or invalid bearer token'),
  403: json(errorBody, 'Not permitted for this role or scope'),
  404: json(errorBody, 'Not found, or outside the caller\'s scope'),
  409: json(errorBody, 'Not allowed in the case\'s current stage, or already decided'),
  413: json(errorBody, 'Request body too large (`too_large`): 100 kB for JSON, the upload limit for a register or marks file'),
  415: json(errorBody, 'Upload in a content type other than text/csv or application/json (`unsupported_media_type`)'),
  422: json(errorBody, 'Refused: by the rules (`refused`, with every failing condition in `reasons`), or by the register (`unknown_school`, naming `schoolUrn`, for a school not on it; `rows_refused` for an upload whose every row was refused)'),
  429: json(errorBody, 'More requests a minute than the API allows this client (`rate_limited`)'),
  503: json(errorBody, 'The case engine or its database did not answer in time; nothing was lost, try again'),
};
type ErrorStatus = keyof typeof errors;

/** A report's three answers: the case opened (201) or joined (200) when the caller may read it, else 202. */
const reportAnswers = {
  200: json(concernReceiptBody, 'Joined the child\'s open case'),
  201: json(concernReceiptBody, 'Opened the child\'s case'),
  202: json(passedToLaBody, 'Received and passed to the LA'),
};

/**
 * One operation the API serves. `operationId`: its stable name (links and generated clients use it). `ok`: its
 * success answers by status (they may override an error status: /healthz answers 503 with its own body).
 * `public`: no bearer token. `refusable`: may answer 422. `caseUpdate`: sends the case an update, which may find
 * it in the wrong stage (409). `upload`: a streamed upload (415 on other types). `namesCase`: the success statuses
 * whose body names a case (`caseId` at the runtime expression given), linked to every /v1/cases/{caseId} operation.
 */
type Route = Omit<RouteConfig, 'responses' | 'security' | 'operationId'> & {
  operationId: string;
  ok: Record<number, ResponseConfig>;
  public?: boolean;
  refusable?: boolean;
  caseUpdate?: boolean;
  upload?: boolean;
  namesCase?: { statuses: number[]; caseId: string };
};

/** The error statuses an operation can answer, from what it takes and does. */
function errorStatuses(route: Route): ErrorStatus[] {
  const { params, query, body } = route.request ?? {};
  const statuses: (ErrorStatus | false | undefined)[] = [
    (params || query || body || route.upload) && 400,
    !route.public && 401,
    !route.public && 403,
    !!params && 404,
    route.caseUpdate && 409,
    !!body && 413,
    route.upload && 415,
    (route.refusable || route.upload) && 422,
    429,
    503,
  ];
  return statuses.filter((status): status is ErrorStatus => typeof status === 'number');
}

/** A CSV with the `required` header and at least one row (a quoted cell is CSV too; the pattern keeps to plain ones). */
const csvPattern = (required: string) => `^${required}\\r?\\n[^"\\r\\n]*[^"\\s][^"\\r\\n]*(\\r?\\n[^"\\r\\n]*)*$`;

/**
 * A streamed upload: CSV with a header row, or a JSON array of the row schema. 200 reports rows kept and refused
 * (by line and field) and what detection found (its alerts reach their cases after the answer); 422 when every row was refused; nothing is written of a broken file.
 */
function upload(operationId: string, path: string, summary: string, csv: { columns: string; required: string; example: string }, row: z.ZodType): Route {
  const { columns, required, example } = csv;
  return {
    operationId,
    method: 'post',
    upload: true,
    ok: { 200: json(uploadReportBody, 'At least one row kept: the report') },
    path,
    summary,
    tags: ['register'],
    request: {
      body: {
        content: {
          'text/csv': { schema: z.string().meta({ description: `CSV: a header row (${columns}), then a row per record`, pattern: csvPattern(required), examples: [example] }) },
          'application/json': { schema: z.array(row).min(1) },
        },
      },
    },
  };
}

const camel = (kebab: string) => kebab.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
const body = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const receipt = { statuses: [200, 201], caseId: '$response.body#/caseId' };

/**
 * Each operation the API serves, with the zod schemas it validates against and answers with: the document cannot
 * drift from them. A new route is one entry here (and its response schema in api/response-schemas.ts); the
 * contract test then fails until it is exercised (test/integration/api-contract.test.ts).
 */
const routes: Route[] = [
  { operationId: 'getHealth', method: 'get', path: '/healthz', summary: 'Temporal and database reachability', public: true, tags: ['operations'], ok: { 200: json(healthBody, 'Both reachable'), 503: json(healthBody, 'Either unreachable') } },
  { operationId: 'listDemoUsers', method: 'get', path: '/v1/dev/users', summary: 'Demo users (AUTH_MODE=dev only)', public: true, tags: ['dev sign-in'], ok: { 200: json(demoUsersBody, 'The demo users') } },
  { operationId: 'issueDevToken', method: 'post', path: '/v1/dev/token', summary: 'A bearer token for a demo user (AUTH_MODE=dev only)', public: true, tags: ['dev sign-in'], refusable: true, ok: { 200: json(devTokenBody, 'A token') }, request: { body: body(devTokenRequest) } },
  { operationId: 'reportConcern', method: 'post', path: '/v1/concerns', summary: 'A school reports a concern: opens the child\'s case (201) or joins the open one (200); 202 when the case is not the caller\'s to read', tags: ['cases'], ok: reportAnswers, namesCase: receipt, refusable: true, caseUpdate: true, request: { body: body(reportConcernBody) } },
  { operationId: 'referChild', method: 'post', path: '/v1/referrals', summary: 'T15: referral of a child on no school roll (EA96 s436A): opens (201) or joins (200) the child\'s case; 202 when the case is not the caller\'s to read', tags: ['cases'], ok: reportAnswers, namesCase: receipt, refusable: true, caseUpdate: true, request: { body: body(referralBody) } },
  { operationId: 'receiveNewPupilReturn', method: 'post', path: '/v1/new-pupil-returns', ok: { 200: json(newPupilReturnMatchedBody, 'The open case at another school, closed'), 202: reportAnswers[202] }, namesCase: { statuses: [200], caseId: '$response.body#/caseId' }, refusable: true, caseUpdate: true, summary: 'A new-pupil return (SAR24 reg 13(1)): closes the child\'s open case at another school; refused (422) from the case\'s own school or for a future registration', tags: ['cases'], request: { body: body(newPupilReturnBody) } },
  { operationId: 'listCases', method: 'get', path: '/v1/cases', summary: 'Cases in the caller\'s scope, filtered and paged, soonest deadline first', tags: ['cases'], ok: { 200: json(caseListBody, 'A page of cases') }, namesCase: { statuses: [200], caseId: '$response.body#/items/0/caseId' }, request: { query: caseListQuery } },
  { operationId: 'getCase', method: 'get', path: '/v1/cases/{caseId}', summary: 'A live case: stage, clocks, concerns, decisions', tags: ['cases'], ok: { 200: json(caseStateBody, 'The case') }, request: { params: caseIdParams } },
  { operationId: 'getCaseChild', method: 'get', path: '/v1/cases/{caseId}/child', summary: 'Who the child is (name, address, family), for those who may see the case', tags: ['cases'], ok: { 200: json(childBody, 'The child') }, request: { params: caseIdParams } },
  { operationId: 'exportCase', method: 'get', path: '/v1/cases/{caseId}/export', summary: "The case's full record for disclosure: JSON, or a printable page (format=html); LA roles", tags: ['cases'], ok: { 200: { description: 'The record: JSON (a download), or a printable HTML page for format=html', content: { 'application/json': { schema: caseExportBody }, 'text/html': { schema: z.string() } } } }, request: { params: caseIdParams, query: exportQuery } },
  { operationId: 'getInbox', method: 'get', path: '/v1/inbox', summary: 'What awaits the caller: the decisions its role takes, clocks escalated to it (how long overdue), clocks overdue or due soon, code N marks past their 5 school days (unresolvedNMarks)', tags: ['cases'], ok: { 200: json(inboxBody, 'The inbox') } },
  { operationId: 'getDashboard', method: 'get', path: '/v1/dashboard', summary: 'Open cases by stage, school and SEND flag; overdue and breached clocks; weekly flow (LA roles)', tags: ['cases'], ok: { 200: json(dashboardBody, 'The figures') } },
  { operationId: 'getUiConfig', method: 'get', path: '/v1/ui-config', summary: 'What the web UI needs to know: sign-in mode, Temporal UI link', public: true, tags: ['operations'], ok: { 200: json(uiConfigBody, 'The settings') } },
  { operationId: 'getCaseTimeline', method: 'get', path: '/v1/cases/{caseId}/timeline', summary: 'Audit log merged with the case\'s Temporal history', tags: ['cases'], ok: { 200: json(timelineBody, 'The timeline') }, request: { params: caseIdParams } },
  { operationId: 'getCaseAttendance', method: 'get', path: '/v1/cases/{caseId}/attendance', summary: "The pupil's attendance this school year from the feed, week by week with the codes behind it, and where the case's support changed", tags: ['cases'], ok: { 200: json(attendanceSeriesBody, 'The weeks and the support changes') }, request: { params: caseIdParams } },
  ...Object.entries(decisionRoutes).map(([path, { body: decision, summary }]): Route => ({
    operationId: camel(path),
    method: 'post',
    path: `/v1/cases/{caseId}/${path}`,
    summary,
    tags: ['decisions'],
    ok: { 200: json(decisionAnswerBody, 'Decided') },
    refusable: true,
    caseUpdate: true,
    request: { params: caseIdParams, body: body(decision) },
  })),
  { operationId: 'listSchools', method: 'get', path: '/v1/schools', summary: "The caller's schools by name: a school user's own, its LA's for LA staff, every school for an administrator", tags: ['register'], ok: { 200: json(schoolListBody, 'The schools') } },
  { operationId: 'getTargetedSupport', method: 'get', path: '/v1/schools/{urn}/targeted-support', summary: "The termly targeted support meeting's list (TSM-TERMLY): pupils on the roll persistently or severely absent this school year, with an open support case or a lapsed action, each with why (the school's staff, LA staff of its LA); 422 for a term the LA has no dates for", tags: ['support'], refusable: true, ok: { 200: json(targetedSupportBody, 'The pupils to discuss') }, request: { params: schoolUrnParams, query: targetedSupportQuery } },
  { operationId: 'putSchool', method: 'put', path: '/v1/schools/{urn}', summary: 'Registers or updates a school (admin)', tags: ['register'], ok: { 200: json(schoolSavedBody, 'The school as saved') }, request: { params: schoolUrnParams, body: body(schoolBody) } },
  upload('uploadSchoolRegister', '/v1/register/schools', 'The school register (admin)', { columns: 'urn,name,la_code[,is_special]', required: 'urn,name,la_code', example: 'urn,name,la_code\n100001,Oak Primary,938\n' }, schoolRow),
  upload('uploadPupilRegister', '/v1/register/pupils', 'The pupil register: roll, SEN flags, leaving dates; a leaver with no deletion return opens a case', { columns: 'school_urn,upn[,sen_status,placed_by_la,leaving_date,standard_transition,given_name,family_name,date_of_birth,address,sex,year_group]', required: 'school_urn,upn', example: 'school_urn,upn\n100001,B801200005001\n' }, pupilRow),
  upload('uploadAttendanceMarks', '/v1/attendance-marks', 'Register marks, one school\'s day or an LA\'s; thresholds crossed open or feed cases', { columns: 'school_urn,upn,date,session,code', required: 'school_urn,upn,date,session,code', example: 'school_urn,upn,date,session,code\n100001,B801200005001,2026-11-30,AM,/\n' }, markRowAsOf('9999-12-31')),
  { operationId: 'getUploadProgress', method: 'get', path: '/v1/uploads/{uploadId}', summary: 'An upload\'s alerts on their way into cases (delivered after the upload answers); for those who could have uploaded its rows', tags: ['register'], ok: { 200: json(uploadProgressBody, 'Delivery so far') }, request: { params: uploadIdParams } },
  { operationId: 'getTerms', method: 'get', path: '/v1/las/{laCode}/terms', summary: 'The LA\'s term dates', tags: ['calendars'], ok: { 200: json(termsBody, 'The terms') }, request: { params: laCodeParams } },
  { operationId: 'putTerms', method: 'put', path: '/v1/las/{laCode}/terms', summary: 'Replaces the LA\'s term dates (admin, manager)', tags: ['calendars'], refusable: true, ok: { 200: json(termsBody, 'The terms as saved') }, request: { params: laCodeParams, body: body(termDatesBody) } },
  { operationId: 'getClosures', method: 'get', path: '/v1/schools/{urn}/closures', summary: 'The school\'s INSET and closure days', tags: ['calendars'], ok: { 200: json(closuresListBody, 'The closure days') }, request: { params: schoolUrnParams } },
  { operationId: 'putClosures', method: 'put', path: '/v1/schools/{urn}/closures', summary: 'Replaces the school\'s closure days (its school, manager, admin)', tags: ['calendars'], refusable: true, ok: { 200: json(closuresListBody, 'The closure days as saved') }, request: { params: schoolUrnParams, body: body(closuresBody) } },
  { operationId: 'getSchoolDays', method: 'get', path: '/v1/schools/{urn}/school-days', summary: 'School-day arithmetic on the school\'s calendar', tags: ['calendars'], refusable: true, ok: { 200: json(schoolDaysBody, 'The school days') }, request: { params: schoolUrnParams, query: schoolDaysQuery } },
  { operationId: 'getRules', method: 'get', path: '/v1/las/{laCode}/rules', summary: 'The rule table with sources, and the LA\'s settings', tags: ['rules'], ok: { 200: json(rulesBody, 'The rules') }, request: { params: laCodeParams } },
  { operationId: 'putRuleSetting', method: 'put', path: '/v1/las/{laCode}/rules/{ruleId}', summary: 'Sets a configurable rule for the LA (admin, manager)', tags: ['rules'], refusable: true, ok: { 200: json(ruleSettingSavedBody, 'The setting as saved') }, request: { params: ruleSettingParams, body: body(ruleSettingBody) } },
  { operationId: 'getCmeRegister', method: 'get', path: '/v1/las/{laCode}/registers/cme', summary: 'Children missing education now: since when, how long, reason, tracing steps and the case\'s clock; filters, paging, format=csv (a school: its former pupils only)', tags: ['registers'], ok: { 200: { description: 'The register: JSON, or CSV for format=csv', content: { 'application/json': { schema: cmeRegisterBody }, 'text/csv': { schema: z.string() } } } }, request: { params: laCodeParams, query: registerQuery } },
  { operationId: 'getEheRegister', method: 'get', path: '/v1/las/{laCode}/registers/ehe', summary: 'Children electively home educated now: since when, from which school, SEN status, reason; filters, paging, format=csv', tags: ['registers'], ok: { 200: { description: 'The register: JSON, or CSV for format=csv', content: { 'application/json': { schema: eheRegisterBody }, 'text/csv': { schema: z.string() } } } }, request: { params: laCodeParams, query: registerQuery } },
  { operationId: 'getTermlyReturn', method: 'get', path: '/v1/las/{laCode}/returns/{censusDate}', summary: 'The termly CME and EHE return for a census date (LA roles): each figure with its drill-down; figures the engine does not hold say so (value null); format=csv', tags: ['registers'], ok: { 200: { description: 'The return: JSON, or CSV for format=csv', content: { 'application/json': { schema: termlyReturnBody }, 'text/csv': { schema: z.string() } } } }, request: { params: returnParams, query: returnQuery } },
  { operationId: 'getTermlyReturnItem', method: 'get', path: '/v1/las/{laCode}/returns/{censusDate}/items/{item}', summary: 'The children counted in one figure of the return (LA roles)', tags: ['registers'], ok: { 200: json(returnItemBody, 'The figure and its children') }, request: { params: returnItemParams } },
  { operationId: 'listNotificationChannels', method: 'get', path: '/v1/notification-channels', summary: 'The notification directory: how each party is reached (admin)', tags: ['notifications'], ok: { 200: json(notificationChannelsBody, 'The channels') } },
  { operationId: 'getNotificationChannel', method: 'get', path: '/v1/notification-channels/{recipient}', summary: 'How one party is reached (admin); 404: it is told on the console', tags: ['notifications'], ok: { 200: json(notificationChannelViewBody, 'The channel') }, request: { params: notificationChannelParams } },
  { operationId: 'deleteNotificationChannel', method: 'delete', path: '/v1/notification-channels/{recipient}', summary: 'Removes how a party is reached (admin): it is told on the console from then on; answers the removed channel', tags: ['notifications'], ok: { 200: json(notificationChannelViewBody, 'The removed channel') }, request: { params: notificationChannelParams } },
  { operationId: 'putNotificationChannel', method: 'put', path: '/v1/notification-channels/{recipient}', summary: 'Sets how a party is reached: smtp (e-mail), webhook (URL and secret name) or console (admin)', tags: ['notifications'], ok: { 200: json(notificationChannelViewBody, 'The channel as saved') }, request: { params: notificationChannelParams, body: body(notificationChannelBody) } },
];

/** OpenAPI links from an answer naming a case to every operation on /v1/cases/{caseId}: a client follows the case's life. */
function caseLinks(caseId: string): NonNullable<ResponseConfig['links']> {
  const onCase = routes.filter((route) => route.path.startsWith('/v1/cases/{caseId}'));
  return Object.fromEntries(onCase.map((route) => [route.operationId, { operationId: route.operationId, parameters: { caseId } }]));
}

/** Every answer an operation documents, success and error, by status. */
function responsesOf(route: Route): Record<number, ResponseConfig> {
  const ok = Object.entries(route.ok).map(([status, response]) => [status, route.namesCase?.statuses.includes(Number(status)) ? { ...response, links: caseLinks(route.namesCase.caseId) } : response]);
  return { ...Object.fromEntries(errorStatuses(route).map((status) => [status, errors[status]])), ...Object.fromEntries(ok) };
}

/** The documented answers of `method path` (a path as the document writes it), for tests that hold responses to them. */
export function documentedResponses(method: string, path: string): Record<number, ResponseConfig> | undefined {
  const route = routes.find((candidate) => candidate.method === method && candidate.path === path);
  return route && responsesOf(route);
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;

export function openApiDocument() {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  registry.registerComponent('responses', 'MethodNotAllowed', {
    description: 'A known path asked with a method it does not serve (`method_not_allowed`); `Allow` lists those it does',
    headers: { Allow: { description: 'The methods the path serves, e.g. GET, POST', schema: { type: 'string' } } },
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });
  for (const route of routes) {
    const { ok: _ok, public: isPublic, refusable: _refusable, caseUpdate: _caseUpdate, upload: _upload, namesCase: _namesCase, ...config } = route;
    const body = config.request?.body;
    registry.registerPath({
      ...config,
      ...(body ? { request: { ...config.request, body: { ...body, required: true } } } : {}),
      ...(isPublic ? {} : { security: [{ [bearer.name]: [] }] }),
      responses: responsesOf(route),
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'CME case engine API',
      version: '1',
      description:
        'One durable case per child at risk of missing education. Every request except health and dev sign-in needs a bearer token. ' +
        'Every error answers `{ error: { code, message, field?, reasons? } }`; a known path asked with a method it does not serve answers 405 with `Allow` (components/responses/MethodNotAllowed), an unknown path 404.',
    },
    servers: [{ url: '/' }],
  });
}
