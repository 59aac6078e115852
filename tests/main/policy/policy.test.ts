/**
 * Managed policy: read from each OS's source (fixtures of real formats), validated setting by
 * setting, bad values ignored with a warning, and templates that match the schema one to one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { applyPolicy } from '../../../main/policy/apply';
import { decodeRegFile, parseRegExport, readPolicySources, type PolicyIO } from '../../../main/policy/read';
import { POLICY_SETTINGS } from '../../../main/policy/schema';
import {
  generateAdml,
  generateAdmx,
  generateMobileconfig,
  generatePolicyFiles,
} from '../../../main/policy/templates';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'policy');

/** JSON fixtures say where they came from in a `_source` key, which is not part of the data. */
function fixtureJson(path: string): string {
  const { _source: _, ...rest } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return JSON.stringify(rest);
}

function fakeIO(
  files: Record<string, Buffer>,
  commands: Record<string, { stdout: string; exitCode: number }>,
): PolicyIO {
  return {
    async exec(file, args) {
      const key = [file, ...args].join(' ');
      // Windows' own reg.exe by absolute path, never one found in the current folder.
      const exportMatch =
        /^C:\\Windows\\System32\\reg\.exe export (HKLM|HKCU)\\SOFTWARE\\Policies\\Triage (\S+) \/y$/.exec(
          key,
        );
      if (exportMatch?.[1] && exportMatch[2]) {
        const content = files[exportMatch[1]];
        if (!content) return { stdout: '', exitCode: 1 };
        files[exportMatch[2]] = content;
        return { stdout: 'The operation completed successfully.', exitCode: 0 };
      }
      return commands[key] ?? { stdout: '', exitCode: 1 };
    },
    async readFile(path) {
      const content = files[path];
      if (!content) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return content;
    },
    tempDir: async () => '/tmp/triage-policy-test',
  };
}

describe('reading policy on Windows (reg export files)', () => {
  const hklm = readFileSync(join(FIXTURES, 'windows', 'hklm-contoso.reg'));
  const hkcu = readFileSync(join(FIXTURES, 'windows', 'hkcu-user.reg'));

  it('decodes UTF-16 and every value type Group Policy writes', () => {
    const { values, unreadable } = parseRegExport(decodeRegFile(hklm));
    expect(unreadable).toEqual([]);
    expect(values).toEqual({
      ProductName: 'Contoso Help',
      SupportContact: 'Service Desk – Müllerstraße, ext. 4242',
      Helpdesk: '{"kind":"email","to":"servicedesk@contoso.com"}',
      RedactionLevel: 'strict',
      OutboxMaxAgeDays: 30,
      DnsMustResolve: ['intranet.contoso.com', 'dc01.corp.contoso.com'],
      ReportsFolder: 'D:\\Reports',
    });
  });

  it('reads only the Triage key itself, not subkeys', () => {
    expect(parseRegExport(decodeRegFile(hkcu)).values.ProductName).toBe('User Override');
  });

  it('takes machine policy over user policy, setting by setting, and warns about bad values', async () => {
    const { sources, warnings } = await readPolicySources('win32', fakeIO({ HKLM: hklm, HKCU: hkcu }, {}));
    expect(warnings).toEqual([]);
    expect(sources.map((s) => s.source)).toEqual([
      'HKLM\\SOFTWARE\\Policies\\Triage',
      'HKCU\\SOFTWARE\\Policies\\Triage',
    ]);
    const result = applyPolicy(sources);
    expect(result.settings).toMatchObject({
      productName: 'Contoso Help',
      support: { text: 'Service Desk – Müllerstraße, ext. 4242', phone: null, url: null },
      helpdesk: { kind: 'email', to: 'servicedesk@contoso.com' },
      redactionLevel: 'strict',
      outboxLimits: { maxAgeDays: 30, maxItems: 50 },
      probeConfig: { dns: { mustResolve: ['intranet.contoso.com', 'dc01.corp.contoso.com'] } },
    });
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /^HKCU\\SOFTWARE\\Policies\\Triage: OutboxMaxItems = 999 is not valid .*the default \(50\) applies\.$/,
      ),
      expect.stringMatching(
        /^HKCU.*: PingTargets = \["-rf","gw.contoso.com"\] is not valid \(must be a host name/,
      ),
      'HKCU\\SOFTWARE\\Policies\\Triage: "Colour" is not a Triage policy setting; it was ignored.',
    ]);
  });

  it('has no policy when the key does not exist', async () => {
    const { sources } = await readPolicySources('win32', fakeIO({}, {}));
    expect(applyPolicy(sources).settings.productName).toBe('Triage');
  });
});

describe('reading policy on macOS (managed preferences through plutil)', () => {
  it('reads the machine profile and prefers it to the user one', async () => {
    const machine = fixtureJson(join(FIXTURES, 'macos', 'machine.plutil.json'));
    const io = fakeIO(
      {},
      {
        '/usr/bin/plutil -convert json -o - /Library/Managed Preferences/com.triage.agent.plist': {
          stdout: machine,
          exitCode: 0,
        },
      },
    );
    const { sources, warnings } = await readPolicySources('darwin', {
      ...io,
      exec: (file, args) =>
        io.exec(
          file,
          args.map((a) => a),
        ),
    });
    expect(warnings).toEqual([]);
    const { settings, warnings: applyWarnings } = applyPolicy(sources);
    expect(applyWarnings).toEqual([]);
    expect(settings).toMatchObject({
      productName: 'Contoso Help',
      helpdesk: { kind: 'webhook', url: 'https://triage-relay.contoso.com/reports' },
      disabledProbes: ['os.processes'],
      probeConfig: { ntp: { fallbackServers: ['time.apple.com'] } },
    });
  });
});

describe('reading policy on Linux (/etc/triage/policy.json)', () => {
  it('applies the valid settings and warns about the invalid one', async () => {
    const io = fakeIO(
      { '/etc/triage/policy.json': Buffer.from(fixtureJson(join(FIXTURES, 'linux', 'policy.json'))) },
      {},
    );
    const { settings, warnings } = applyPolicy((await readPolicySources('linux', io, {})).sources);
    expect(settings.helpdesk).toEqual({
      kind: 'email',
      to: 'servicedesk@contoso.com',
      folder: '/var/tmp/triage-reports',
    });
    expect(settings.probeConfig).toMatchObject({
      dns: { testNames: ['www.contoso.com', 'login.microsoftonline.com'] },
    });
    expect(warnings).toEqual([
      expect.stringMatching(
        /CheckUrl = "not a url" is not valid .*default \(http:\/\/www\.msftconnecttest\.com\/connecttest\.txt\) applies/,
      ),
    ]);
  });

  it('says when the file is not JSON, and carries on with the defaults', async () => {
    const { sources, warnings } = await readPolicySources(
      'linux',
      fakeIO({ '/etc/triage/policy.json': Buffer.from('{ "ProductName": ') }, {}),
      {},
    );
    expect(sources).toEqual([]);
    expect(warnings[0]).toMatch(/policy.json is not valid JSON/);
  });
});

describe('applying policy', () => {
  it('uses the relay first, and never echoes a secret in a warning', () => {
    const result = applyPolicy([
      {
        source: 'test',
        values: {
          RelayUrl: 'https://relay.example.org/r',
          RelaySecret: 'short',
          Helpdesk: '{"kind":"email","to":"a@b.org"}',
        },
      },
    ]);
    expect(result.warnings.join('\n')).not.toContain('short');
    expect(result.warnings).toContain(
      'RelayUrl is set but RelaySecret is missing or invalid; reports will not go to the relay until both are set.',
    );
    expect(result.settings.helpdesk).toEqual({ kind: 'local-folder' });
  });

  it('refuses a helpdesk JSON that is not valid, naming the problem', () => {
    const result = applyPolicy([
      { source: 'test', values: { Helpdesk: '{"kind":"webhook","url":"http://relay.example.org"}' } },
    ]);
    expect(result.settings.helpdesk).toEqual({ kind: 'local-folder' });
    expect(result.warnings[0]).toMatch(/Helpdesk settings are not valid: url: must be an https:\/\/ URL/);
  });
});

describe('the proxy for reports', () => {
  const apply = (values: Record<string, unknown>) => applyPolicy([{ source: 'HKLM', values }]);

  it('takes the server, PAC URL, bypass list and Basic sign-in together', () => {
    const { settings, warnings } = apply({
      ProxyServer: 'proxy.contoso.com:8080',
      ProxyAutoConfigUrl: 'http://wpad.contoso.com/proxy.pac',
      ProxyBypass: '*.contoso.com; <local>',
      ProxyUser: 'svc-triage',
      ProxyPassword: 'credential:proxy',
    });
    expect(warnings).toEqual([]);
    expect(settings.proxy).toEqual({
      server: 'proxy.contoso.com:8080',
      pacUrl: 'http://wpad.contoso.com/proxy.pac',
      bypass: ['*.contoso.com', '<local>'],
      user: 'svc-triage',
      password: 'credential:proxy',
    });
  });

  it('leaves the system proxy alone when policy names none', () => {
    expect(apply({}).settings.proxy).toBeNull();
  });

  it('ignores a sign-in without a proxy, a user without a password, and a server it cannot read — saying so, never echoing the password', () => {
    const lone = apply({ ProxyUser: 'svc', ProxyPassword: 'hunter2-secret' });
    expect(lone.settings.proxy).toBeNull();
    expect(lone.warnings.join(' ')).toMatch(/apply only with ProxyServer or ProxyAutoConfigUrl/);
    const half = apply({ ProxyServer: 'proxy:3128', ProxyUser: 'svc' });
    expect(half.settings.proxy).toMatchObject({ server: 'proxy:3128', user: null, password: null });
    expect(half.warnings.join(' ')).toMatch(/only together/);
    const bad = apply({ ProxyServer: 'proxy:3128 --evil', ProxyPassword: 'hunter2-secret' });
    expect(bad.warnings.join(' ')).toMatch(/ProxyServer = "proxy:3128 --evil" is not valid/);
    expect(bad.warnings.join(' ')).not.toContain('hunter2');
  });
});

describe('the policy templates', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['policy', 'string', 'presentation', 'category', 'item'].includes(name),
  });

  it('are well-formed XML', () => {
    for (const xml of [generateAdmx(), generateAdml(), generateMobileconfig()])
      expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('declare exactly one ADMX policy per setting, with the right value name and element', () => {
    const admx = parser.parse(generateAdmx()) as {
      policyDefinitions: {
        policies: {
          policy: {
            name: string;
            key: string;
            elements: Record<string, { id: string; valueName: string }>;
          }[];
        };
      };
    };
    const policies = admx.policyDefinitions.policies.policy;
    expect(policies.map((p) => p.name)).toEqual(POLICY_SETTINGS.map((s) => s.name));
    const elementFor = {
      text: 'text',
      secret: 'text',
      integer: 'decimal',
      list: 'multiText',
      enum: 'enum',
    } as const;
    for (const setting of POLICY_SETTINGS) {
      const policy = policies.find((p) => p.name === setting.name);
      expect(policy?.key).toBe('SOFTWARE\\Policies\\Triage');
      expect(policy?.elements[elementFor[setting.kind]]?.valueName, setting.name).toBe(setting.name);
    }
  });

  it('define in the ADML every string and presentation the ADMX refers to', () => {
    const admx = generateAdmx();
    const adml = parser.parse(generateAdml()) as {
      policyDefinitionResources: {
        resources: {
          stringTable: { string: { id: string }[] };
          presentationTable: { presentation: { id: string }[] };
        };
      };
    };
    const strings = new Set(adml.policyDefinitionResources.resources.stringTable.string.map((s) => s.id));
    const presentations = new Set(
      adml.policyDefinitionResources.resources.presentationTable.presentation.map((p) => p.id),
    );
    for (const [, id] of admx.matchAll(/\$\(string\.([A-Za-z0-9_]+)\)/g))
      expect(strings.has(id ?? ''), `string ${id}`).toBe(true);
    for (const [, id] of admx.matchAll(/\$\(presentation\.([A-Za-z0-9_]+)\)/g))
      expect(presentations.has(id ?? ''), `presentation ${id}`).toBe(true);
  });

  it('give a sample macOS profile whose settings are all valid', () => {
    const plist = parser.parse(generateMobileconfig()) as {
      plist: { dict: { array: { dict: { key: string[] } } } };
    };
    const keys = plist.plist.dict.array.dict.key.filter((k) => !k.startsWith('Payload'));
    expect(keys.every((k) => POLICY_SETTINGS.some((s) => s.name === k))).toBe(true);
  });

  it('are up to date with the schema (run `npm run policy-templates` after changing it)', () => {
    for (const [path, content] of generatePolicyFiles())
      expect(readFileSync(join(ROOT, path), 'utf8'), path).toBe(content);
  });
});
