import { caseSearchAttributeKeys } from './search-attributes';

const cliTypeNames: Record<string, string> = { KEYWORD: 'Keyword', BOOL: 'Bool', DATETIME: 'Datetime', INT: 'Int', TEXT: 'Text', DOUBLE: 'Double', KEYWORD_LIST: 'KeywordList' };

/** `--search-attribute Name=Type` arguments for `temporal server start-dev`, from the typed keys. */
export function searchAttributeCliArgs(): string[] {
  return caseSearchAttributeKeys.flatMap((key) => ['--search-attribute', `${key.name}=${cliTypeNames[key.type]}`]);
}
