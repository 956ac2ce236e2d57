// コード設定 (R-CODE-1): how ログインID and 社員番号 are made. The seed's two tables are the spec.
import { z } from 'zod';
import { zString } from '../common/common';

export const ZLoginIdMode = z.enum(['direct', 'employee_number', 'rule']);
export const ZEmployeeNumberMode = z.enum(['direct', 'rule']);
export type TLoginIdMode = z.infer<typeof ZLoginIdMode>;
export type TEmployeeNumberMode = z.infer<typeof ZEmployeeNumberMode>;

export const MODE_LABELS = { direct: '直接入力', employee_number: '社員番号', rule: 'ユーザー設定' } as const;

const PREFIX = /^[\x21-\x7e]{0,10}$/;

export const ZCodeRule = z.object({
  prefix: zString('接頭辞').regex(PREFIX, { error: '接頭辞は半角英数字記号の10文字以内で入力してください' }),
  includeHireYear: z.boolean(),
  width: z
    .number({ error: '連番の桁数は半角数字で入力してください' })
    .int({ error: '連番の桁数は整数で入力してください' })
    .min(1, { error: '連番の桁数は1以上で入力してください' })
    .max(12, { error: '連番の桁数は12以下で入力してください' }),
});
export type TCodeRule = z.infer<typeof ZCodeRule>;

export const ZCodeSettings = z
  .object({
    loginIdMode: ZLoginIdMode,
    loginIdRule: ZCodeRule.nullable(),
    employeeNumberMode: ZEmployeeNumberMode,
    employeeNumberRule: ZCodeRule.nullable(),
  })
  .superRefine((v, ctx) => {
    if (v.loginIdMode === 'rule' && !v.loginIdRule) {
      ctx.addIssue({ code: 'custom', path: ['loginIdRule'], message: 'ログインIDの生成条件を入力してください' });
    }
    if (v.employeeNumberMode === 'rule' && !v.employeeNumberRule) {
      ctx.addIssue({ code: 'custom', path: ['employeeNumberRule'], message: '社員番号の生成条件を入力してください' });
    }
    for (const key of ['loginIdRule', 'employeeNumberRule'] as const) {
      const rule = v[key];
      if (rule && rule.prefix === '' && !rule.includeHireYear && rule.width < 3) {
        ctx.addIssue({
          code: 'custom',
          path: [key, 'width'],
          message: '接頭辞がない場合、連番の桁数は3以上にしてください',
        });
      }
    }
  });
export type TCodeSettings = z.infer<typeof ZCodeSettings>;

export const DEFAULT_CODE_SETTINGS: TCodeSettings = {
  loginIdMode: 'direct',
  loginIdRule: null,
  employeeNumberMode: 'direct',
  employeeNumberRule: null,
};

export const ZCodeSettingsResponse = z.object({
  settings: ZCodeSettings,
  /** the next sequence number each rule would use (for the preview) */
  next: z.object({ loginId: z.number().int(), employeeNumber: z.number().int() }),
});
export type TCodeSettingsResponse = z.infer<typeof ZCodeSettingsResponse>;

/** One code from a rule: prefix + (hire year) + zero-padded sequence. Used by the server and the preview. */
export function formatCode(rule: TCodeRule, sequence: number, hireYear: number | null): string {
  const year = rule.includeHireYear ? String(hireYear ?? new Date().getFullYear()) : '';
  return `${rule.prefix}${year}${String(sequence).padStart(rule.width, '0')}`;
}
