/** The 15 grounds of SAR24 reg 9(1) on which a pupil of compulsory school age is deleted, and only those. */
export const deletionGrounds = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O'] as const;
export type DeletionGround = (typeof deletionGrounds)[number];
