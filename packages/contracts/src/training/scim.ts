// SCIM 2.0 (RFC 7643 / 7644) as the course-application system serves it at /scim/v2 (R-TRN-4), and the
// admin routes of its bearer tokens (連携設定). Requests are loose objects: SCIM clients (HR, Okta, Entra)
// send attributes we do not keep, which are ignored, never refused. What we keep is checked here.
import { z } from 'zod';
import { zPageOf, zString } from '../common/common';

export const SCIM_SCHEMAS = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  extension: 'urn:jinji:params:scim:schemas:extension:training:2.0:User',
  list: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  bulkRequest: 'urn:ietf:params:scim:api:messages:2.0:BulkRequest',
  bulkResponse: 'urn:ietf:params:scim:api:messages:2.0:BulkResponse',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
  resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
} as const;

/** Bulk limits (ServiceProviderConfig.bulk): over maxOperations → 413 tooMany. */
export const SCIM_BULK_MAX_OPERATIONS = 500;
export const SCIM_BULK_MAX_PAYLOAD = 4 * 1_048_576;
/** Users list: the largest `count` answered (ServiceProviderConfig.filter.maxResults). */
export const SCIM_MAX_RESULTS = 200;

/** RFC 7644 §3.12 Table 9, and the status of each error (a string in the body, per the RFC). */
export const SCIM_ERROR_TYPES = [
  'invalidFilter',
  'tooMany',
  'uniqueness',
  'mutability',
  'invalidSyntax',
  'invalidPath',
  'noTarget',
  'invalidValue',
  'invalidVers',
  'sensitive',
] as const;
export type TScimErrorType = (typeof SCIM_ERROR_TYPES)[number];

export const ZScimError = z.object({
  schemas: z.array(z.string()),
  status: z.string().meta({ description: 'HTTP status as a string (RFC 7644 §3.12)' }),
  scimType: z.enum(SCIM_ERROR_TYPES).optional(),
  detail: z.string().optional(),
});
export type TScimError = z.infer<typeof ZScimError>;

const ZScimMeta = z.object({
  resourceType: z.string(),
  created: z.string().optional(),
  lastModified: z.string().optional(),
  location: z.string().optional(),
});

// ---- User ---------------------------------------------------------------------------------------

const ZScimName = z.looseObject({
  formatted: zString('name.formatted（氏名）')
    .max(100, { error: 'name.formatted（氏名）は100文字以内です' })
    .optional(),
  familyName: zString('name.familyName（姓）').max(50, { error: 'name.familyName（姓）は50文字以内です' }).optional(),
  givenName: zString('name.givenName（名）').max(50, { error: 'name.givenName（名）は50文字以内です' }).optional(),
});

const ZScimEmail = z.looseObject({
  value: zString('emails.value（メールアドレス）').max(254, {
    error: 'emails.value（メールアドレス）は254文字以内です',
  }),
  type: z.string().optional(),
  primary: z.union([z.boolean(), z.string()]).optional(),
});

export const ZScimUserExtension = z.looseObject({
  /** 氏名カナ */
  nameKana: zString('nameKana（氏名カナ）')
    .max(100, { error: 'nameKana（氏名カナ）は100文字以内です' })
    .nullable()
    .optional(),
  /** 部署名 */
  departmentName: zString('departmentName（部署名）')
    .max(100, { error: 'departmentName（部署名）は100文字以内です' })
    .nullable()
    .optional(),
});

/**
 * POST /Users, PUT /Users/{id}, and the resource a PATCH produces. `active` may arrive as "False"
 * (Entra); `userName` = ログインID, `externalId` = HR's employee key.
 */
export const ZScimUserInput = z.looseObject({
  schemas: z.array(z.string()).optional(),
  userName: zString('userName（ログインID）', { error: 'userName（ログインID）は必須です' })
    .trim()
    .min(1, { error: 'userName（ログインID）は必須です' })
    .max(128, { error: 'userName（ログインID）は128文字以内です' }),
  externalId: zString('externalId（従業員キー）')
    .trim()
    .min(1, { error: 'externalId（従業員キー）が空です' })
    .max(128, { error: 'externalId（従業員キー）は128文字以内です' })
    .nullable()
    .optional(),
  name: ZScimName.optional(),
  displayName: zString('displayName（氏名）').max(100, { error: 'displayName（氏名）は100文字以内です' }).optional(),
  emails: z.array(ZScimEmail).max(10).optional(),
  active: z.union([z.boolean(), z.string()]).optional(),
  [SCIM_SCHEMAS.extension]: ZScimUserExtension.optional(),
});
export type TScimUserInput = z.infer<typeof ZScimUserInput>;

export const ZScimUser = z.object({
  schemas: z.array(z.string()),
  id: z.string(),
  externalId: z.string().optional(),
  userName: z.string(),
  name: z.object({ formatted: z.string(), familyName: z.string().optional(), givenName: z.string().optional() }),
  displayName: z.string(),
  emails: z.array(z.object({ value: z.string(), type: z.string(), primary: z.boolean() })).optional(),
  active: z.boolean(),
  [SCIM_SCHEMAS.extension]: z.object({ nameKana: z.string().optional(), departmentName: z.string().optional() }),
  meta: ZScimMeta,
});
export type TScimUser = z.infer<typeof ZScimUser>;

export const ZScimUserList = z.object({
  schemas: z.array(z.string()),
  totalResults: z.number().int(),
  startIndex: z.number().int(),
  itemsPerPage: z.number().int(),
  Resources: z.array(ZScimUser),
});
export type TScimUserList = z.infer<typeof ZScimUserList>;

/** GET /Users: `filter` is `userName eq "…"` or `externalId eq "…"`; paging by 1-based startIndex. */
export const ZScimUserListQuery = z.object({
  filter: zString('filter').max(1000).optional(),
  startIndex: z.coerce.number().int().optional(),
  count: z.coerce.number().int().optional(),
});

export const ZScimIdParams = z.object({ id: zString('id').max(200) });

// ---- PATCH --------------------------------------------------------------------------------------

export const ZScimPatchOperation = z.looseObject({
  op: z.string().refine((op) => ['add', 'remove', 'replace'].includes(op.toLowerCase()), {
    error: 'op は add / remove / replace のいずれかです',
  }),
  path: zString('path').max(500).optional(),
  value: z.unknown().optional(),
});
export type TScimPatchOperation = z.infer<typeof ZScimPatchOperation>;

export const ZScimPatchRequest = z.looseObject({
  schemas: z.array(z.string()),
  Operations: z.array(ZScimPatchOperation).min(1, { error: 'Operations が空です' }).max(100),
});
export type TScimPatchRequest = z.infer<typeof ZScimPatchRequest>;

// ---- Bulk ---------------------------------------------------------------------------------------

export const ZScimBulkOperation = z.looseObject({
  method: z.string(),
  bulkId: zString('bulkId').max(200).optional(),
  path: zString('path').max(500),
  data: z.unknown().optional(),
  version: z.string().optional(),
});
export type TScimBulkOperation = z.infer<typeof ZScimBulkOperation>;

/** The count of Operations is checked by the route (over the limit is 413 tooMany, not a 400). */
export const ZScimBulkRequest = z.looseObject({
  schemas: z.array(z.string()),
  failOnErrors: z.number().int().min(1).optional(),
  Operations: z.array(ZScimBulkOperation).min(1, { error: 'Operations が空です' }),
});
export type TScimBulkRequest = z.infer<typeof ZScimBulkRequest>;

export const ZScimBulkResult = z.object({
  method: z.string(),
  bulkId: z.string().optional(),
  location: z.string().optional(),
  status: z.string(),
  response: ZScimError.optional(),
});
export type TScimBulkResult = z.infer<typeof ZScimBulkResult>;

export const ZScimBulkResponse = z.object({ schemas: z.array(z.string()), Operations: z.array(ZScimBulkResult) });
export type TScimBulkResponse = z.infer<typeof ZScimBulkResponse>;

// ---- discovery ----------------------------------------------------------------------------------

const ZSupported = z.object({ supported: z.boolean() });

export const ZScimServiceProviderConfig = z.object({
  schemas: z.array(z.string()),
  documentationUri: z.string().optional(),
  patch: ZSupported,
  bulk: z.object({ supported: z.boolean(), maxOperations: z.number().int(), maxPayloadSize: z.number().int() }),
  filter: z.object({ supported: z.boolean(), maxResults: z.number().int() }),
  changePassword: ZSupported,
  sort: ZSupported,
  etag: ZSupported,
  authenticationSchemes: z.array(
    z.object({ type: z.string(), name: z.string(), description: z.string(), primary: z.boolean().optional() }),
  ),
  meta: ZScimMeta,
});

export type TScimAttribute = {
  name: string;
  type: 'string' | 'boolean' | 'complex' | 'dateTime' | 'reference';
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact?: boolean;
  mutability: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned: 'always' | 'never' | 'default' | 'request';
  uniqueness: 'none' | 'server' | 'global';
  subAttributes?: TScimAttribute[];
};

const ZScimAttribute: z.ZodType<TScimAttribute> = z.lazy(() =>
  z.object({
    name: z.string(),
    type: z.enum(['string', 'boolean', 'complex', 'dateTime', 'reference']),
    multiValued: z.boolean(),
    description: z.string(),
    required: z.boolean(),
    caseExact: z.boolean().optional(),
    mutability: z.enum(['readOnly', 'readWrite', 'immutable', 'writeOnly']),
    returned: z.enum(['always', 'never', 'default', 'request']),
    uniqueness: z.enum(['none', 'server', 'global']),
    subAttributes: z.array(ZScimAttribute).optional(),
  }),
);

export const ZScimSchema = z.object({
  schemas: z.array(z.string()),
  id: z.string(),
  name: z.string(),
  description: z.string(),
  attributes: z.array(ZScimAttribute),
  meta: ZScimMeta,
});

export const ZScimResourceType = z.object({
  schemas: z.array(z.string()),
  id: z.string(),
  name: z.string(),
  endpoint: z.string(),
  description: z.string(),
  schema: z.string(),
  schemaExtensions: z.array(z.object({ schema: z.string(), required: z.boolean() })),
  meta: ZScimMeta,
});

export const zScimListOf = <T extends z.ZodType>(item: T) =>
  z.object({
    schemas: z.array(z.string()),
    totalResults: z.number().int(),
    startIndex: z.number().int(),
    itemsPerPage: z.number().int(),
    Resources: z.array(item),
  });

// ---- 連携設定: the tokens (admin, session routes under /api/v1/integration) --------------------

export const ZScimTokenItem = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TScimTokenItem = z.infer<typeof ZScimTokenItem>;

export const ZScimTokenList = zPageOf(ZScimTokenItem);
export type TScimTokenList = z.infer<typeof ZScimTokenList>;

export const ZScimTokenListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ZIssueScimTokenRequest = z.object({
  label: zString('名称', { error: '名称を入力してください' })
    .trim()
    .min(1, { error: '名称を入力してください' })
    .max(50, { error: '名称は50文字以内で入力してください' }),
});
export type TIssueScimTokenRequest = z.infer<typeof ZIssueScimTokenRequest>;

export const ZScimTokenParams = z.object({ tokenId: z.uuid({ error: 'トークンが見つかりません' }) });

/** The token itself is in this answer only: it is stored hashed and cannot be shown again. */
export const ZIssuedScimToken = z.object({ token: ZScimTokenItem, secret: z.string() });
export type TIssuedScimToken = z.infer<typeof ZIssuedScimToken>;
