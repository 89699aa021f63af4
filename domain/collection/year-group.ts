/**
 * The national curriculum year group of a child on a date, from the date of birth: a child starts Reception in the
 * September after their fourth birthday, so the cohort is those born 1 September to 31 August. Year groups R to 11
 * (compulsory school age, EA96 s8); outside them, undefined. Dates are ISO calendar days (YYYY-MM-DD).
 */
export function yearGroupOn(dateOfBirth: string, on: string): string | undefined {
  const academicYearOf = (day: string) => Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) >= 9 ? 0 : 1);
  const year = academicYearOf(on) - (academicYearOf(dateOfBirth) + 5);
  if (year < 0 || year > 11) return undefined;
  return year === 0 ? 'R' : String(year);
}

/**
 * The year group people read and the return counts on a day: from the date of birth, else as the school last
 * reported it (a child whose date of birth is not held); undefined when neither tells.
 */
export function knownYearGroup(dateOfBirth: string | null, reported: string | null, on: string): string | undefined {
  return (dateOfBirth ? yearGroupOn(dateOfBirth, on) : undefined) ?? reported ?? undefined;
}
