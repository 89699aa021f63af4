/**
 * What keeps a pupil from attending, as the school or LA records it on a support-first case. Kept as data: a change
 * to the list is an edit here or an LA's setting (SUPPORT-BARRIERS), never a code change.
 */
import type { CodeList } from '../collection/lists';
import { configurableList } from '../collection/rules';

/**
 * The barriers "Working together to improve school attendance" (DfE statutory guidance, August 2024) asks schools and
 * LAs to understand with the pupil and family before support is agreed. The list is recalled from the guidance and
 * its examples, not re-read against its text here, so it is unverified and each LA may correct it.
 */
export const supportBarriers: CodeList = {
  id: 'SUPPORT-BARRIERS',
  title: 'Barriers to attendance a support-first case records',
  source: 'DfE, "Working together to improve school attendance" (statutory guidance, August 2024), barriers to attendance [unverified: recalled, text not re-read]',
  checkedOn: '2026-12-03',
  confidence: 'unverified',
  items: [
    { code: 'physical_health', label: 'Physical health' },
    { code: 'mental_health', label: 'Mental health, including anxiety' },
    { code: 'emotionally_based_school_avoidance', label: 'Emotionally based school avoidance' },
    { code: 'unmet_send_need', label: 'Unmet special educational need or disability' },
    { code: 'bullying', label: 'Bullying' },
    { code: 'transport', label: 'Transport to school' },
    { code: 'family_circumstances', label: 'Family circumstances' },
    { code: 'young_carer', label: 'Young carer' },
    { code: 'housing', label: 'Housing' },
    { code: 'school_relationships', label: 'Relationships at school' },
    { code: 'other', label: 'Other barrier' },
  ],
};

/** The barriers an LA's cases may record: this list by default. */
export const supportBarriersRule = configurableList(supportBarriers, 'barriers to attendance a school or LA may record on a case');
