import { commands } from './commands.js';
import { kebab } from './schema-options.js';
import { paramFields } from '../protocol/param-fields.js';

let vocabulary: { commandByMethod: Map<string, string>; params: Set<string> } | undefined;

/** Built on first use: commands.ts imports the formatters, which import this file. */
function cliVocabulary(): NonNullable<typeof vocabulary> {
  vocabulary ??= {
    commandByMethod: new Map(commands.map((command) => [command.definition.method, `httpapi ${command.words.join(' ')}`])),
    params: new Set(commands.flatMap((command) => paramFields(command.definition.params).map((field) => field.name))),
  };
  return vocabulary;
}

/**
 * A worker message in the CLI's words. The worker speaks its protocol ("pass whatIf",
 * "(certificates/replace)"); at a command prompt that is `--what-if` and `httpapi certificate
 * replace`. Both tables come from the command list and the params schemas, so a new method or
 * param is translated without touching this file.
 */
export function inCliWords(text: string): string {
  const { commandByMethod, params } = cliVocabulary();
  return text
    .replace(/\(([a-z]+\/[a-zA-Z]+)\)/g, (whole, method: string) => {
      const command = commandByMethod.get(method);
      return command ? `(${command})` : whole;
    })
    .replace(/\b([Pp])ass ([a-z][A-Za-z]+)(?: \(--[a-z-]+\))?/g, (whole, p: string, name: string) => (params.has(name) ? `${p}ass --${kebab(name)}` : whole));
}
