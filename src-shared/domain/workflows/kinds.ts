// Work items (工单): one model for inquiries, complaints, suggestions, rescue requests,
// accident reports, follow-up calls, callbacks and survey calls (issue 8).
export const workItemKinds = ['inquiry', 'complaint', 'suggestion', 'rescue', 'accident', 'follow_up', 'callback', 'survey'] as const;
export type WorkItemKind = (typeof workItemKinds)[number];

/** Inquiry categories of seed 000 (售前管理: 保养, 维修, 投诉, 新车, 性能, 促销). */
export const inquiryTopics = ['maintenance', 'repair', 'complaint', 'new_car', 'performance', 'promotion'] as const;
export type InquiryTopic = (typeof inquiryTopics)[number];

export const departments = ['customer_service', 'service', 'sales', 'parts', 'insurance', 'management'] as const;
export type Department = (typeof departments)[number];

export const priorities = ['normal', 'high', 'urgent'] as const;
export type Priority = (typeof priorities)[number];

export const complaintCategories = ['service_quality', 'repair_quality', 'product_quality', 'price', 'attitude', 'waiting_time', 'parts', 'sales', 'other'] as const;
export type ComplaintCategory = (typeof complaintCategories)[number];

/** Kinds whose reply is due on the SLA clock (seed 004: complaints, suggestions and requests). */
export const slaKinds: ReadonlySet<WorkItemKind> = new Set<WorkItemKind>(['complaint', 'suggestion', 'inquiry']);
