// SCIM's own error answer (RFC 7644 §3.12): `{schemas: [Error], status: "409", scimType, detail}`. The
// SCIM slice throws ScimError instead of the app's AppError because the protocol fixes the shape and the
// scimType a client acts on (uniqueness, invalidFilter, tooMany…); its routes' error handler renders both.
import { SCIM_SCHEMAS, type TScimError, type TScimErrorType } from '@jinji/contracts/training/scim';

export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: TScimErrorType | undefined,
    /** Japanese, then English: SCIM clients log the detail, their operators may read either */
    readonly detail: string,
  ) {
    super(detail);
  }

  toBody(): TScimError {
    return {
      schemas: [SCIM_SCHEMAS.error],
      status: String(this.status),
      ...(this.scimType ? { scimType: this.scimType } : {}),
      detail: this.detail,
    };
  }
}

export const scimNotFound = (id: string) =>
  new ScimError(404, undefined, `利用者 ${id} が見つかりません / User ${id} not found`);

export const scimInvalid = (detail: string) => new ScimError(400, 'invalidValue', detail);
