import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config/paths';
import { renderCurrentRulesDoc, rulesDocFile } from '../domain/rules/rules-doc';

/** `npm run docs:rules`: writes docs/rules.md from the rule table (test/domain/rules-doc.test.ts checks it is current). */
const file = path.join(repoRoot, rulesDocFile);
const rendered = renderCurrentRulesDoc();
const unchanged = fs.existsSync(file) && fs.readFileSync(file, 'utf8') === rendered;
if (!unchanged) fs.writeFileSync(file, rendered);
console.log(`${rulesDocFile} ${unchanged ? 'already matches' : 'written from'} the rule table`);
