// What /scim/v2 tells a client about itself (RFC 7643 §5–7, RFC 7644 §4): ServiceProviderConfig, the
// core User schema as far as we keep it, jinji's extension (氏名カナ, 部署名), and the User resource type.
import {
  SCIM_BULK_MAX_OPERATIONS,
  SCIM_BULK_MAX_PAYLOAD,
  SCIM_MAX_RESULTS,
  SCIM_SCHEMAS,
  type TScimAttribute,
} from '@jinji/contracts/training/scim';

const attr = (name: string, description: string, more: Partial<TScimAttribute> = {}): TScimAttribute => ({
  name,
  type: 'string',
  multiValued: false,
  description,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...more,
});

export const serviceProviderConfig = (baseUrl: string) => ({
  schemas: [SCIM_SCHEMAS.serviceProviderConfig],
  documentationUri: `${baseUrl.replace(/\/scim\/v2$/, '')}/api/docs`,
  patch: { supported: true },
  bulk: { supported: true, maxOperations: SCIM_BULK_MAX_OPERATIONS, maxPayloadSize: SCIM_BULK_MAX_PAYLOAD },
  filter: { supported: true, maxResults: SCIM_MAX_RESULTS },
  changePassword: { supported: false },
  sort: { supported: false },
  etag: { supported: false },
  authenticationSchemes: [
    {
      type: 'oauthbearertoken',
      name: 'Bearer token',
      description:
        '研修申込システムの「連携設定」で発行したトークンを Authorization: Bearer で送ります / the token issued on 連携設定, as Authorization: Bearer',
      primary: true,
    },
  ],
  meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
});

const userAttributes: TScimAttribute[] = [
  attr('userName', 'ログインID。組織内で一意 / the login ID, unique in the organisation', {
    required: true,
    caseExact: true,
    uniqueness: 'server',
  }),
  attr('externalId', '人事システムの従業員キー。組織内で一意 / HR’s employee key, unique in the organisation', {
    caseExact: true,
    uniqueness: 'server',
  }),
  attr('name', '氏名 / the name', {
    type: 'complex',
    subAttributes: [
      attr('formatted', '氏名（「姓 名」）。あれば familyName / givenName より優先 / 氏名; wins over the parts'),
      attr('familyName', '姓 / family name'),
      attr('givenName', '名 / given name'),
    ],
  }),
  attr('displayName', '氏名。name がないときに使います / 氏名 when name is absent'),
  attr('emails', 'メールアドレス（primary のもの、なければ最初のもの）/ the primary address, else the first', {
    type: 'complex',
    multiValued: true,
    subAttributes: [
      attr('value', 'メールアドレス / the address'),
      attr('type', '"work"'),
      attr('primary', '主たるアドレス / the primary address', { type: 'boolean' }),
    ],
  }),
  attr('active', 'false で利用停止（ログイン不可、セッション終了）/ false disables the user and ends its sessions', {
    type: 'boolean',
  }),
];

const extensionAttributes: TScimAttribute[] = [
  attr('nameKana', '氏名カナ / the name in kana'),
  attr('departmentName', '部署名。省略時は「不明」/ department name, 「不明」 when not given'),
];

const schemaDoc = (id: string, name: string, description: string, attributes: TScimAttribute[], baseUrl: string) => ({
  schemas: [SCIM_SCHEMAS.schema],
  id,
  name,
  description,
  attributes,
  meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${id}` },
});

export const scimSchemas = (baseUrl: string) => [
  schemaDoc(
    SCIM_SCHEMAS.user,
    'User',
    '研修申込システムの利用者。作成時の既定: システム権限 一般、部署名 不明、性別 回答しない / a training user',
    userAttributes,
    baseUrl,
  ),
  schemaDoc(
    SCIM_SCHEMAS.extension,
    'TrainingUser',
    'jinji 研修申込システムの拡張属性（氏名カナ、部署名）/ jinji’s extension: name in kana, department name',
    extensionAttributes,
    baseUrl,
  ),
];

export const scimResourceTypes = (baseUrl: string) => [
  {
    schemas: [SCIM_SCHEMAS.resourceType],
    id: 'User',
    name: 'User',
    endpoint: '/Users',
    description: '研修申込システムの利用者 / training user',
    schema: SCIM_SCHEMAS.user,
    schemaExtensions: [{ schema: SCIM_SCHEMAS.extension, required: false }],
    meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
  },
];

export const listOf = <T>(items: T[]) => ({
  schemas: [SCIM_SCHEMAS.list],
  totalResults: items.length,
  startIndex: 1,
  itemsPerPage: items.length,
  Resources: items,
});
