// Types for the two modules of the ping package (0.4.x) that Triage uses directly: its per-OS
// argument builder and output parser. @types/ping covers only its public probe functions.
declare module 'ping/lib/builder/factory' {
  import type { PingConfig } from 'ping';
  interface PingArgumentBuilder {
    getCommandArguments(host: string, config: PingConfig & { v6: boolean }): string[];
  }
  const factory: { createBuilder(platform: NodeJS.Platform): PingArgumentBuilder };
  export default factory;
}

declare module 'ping/lib/parser/factory' {
  import type { PingConfig, PingResponse } from 'ping';
  interface PingOutputParser {
    eat(line: string): void;
    getResult(): PingResponse;
  }
  const factory: {
    createParser(
      host: string,
      platform: NodeJS.Platform,
      config: PingConfig & { v6: boolean },
    ): PingOutputParser;
  };
  export default factory;
}
