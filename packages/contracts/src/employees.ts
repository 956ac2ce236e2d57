import { z } from 'zod';

export const ZEmployeeListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type TEmployeeListQuery = z.infer<typeof ZEmployeeListQuery>;

export const ZEmployeeListItem = z.object({
  id: z.string(),
  employeeNumber: z.string().nullable(),
  lastName: z.string(),
  firstName: z.string(),
  lastNameKana: z.string(),
  firstNameKana: z.string(),
  hireDate: z.string(),
  retirementDate: z.string().nullable(),
});
export const ZEmployeeListResponse = z.object({
  items: z.array(ZEmployeeListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TEmployeeListResponse = z.infer<typeof ZEmployeeListResponse>;
