/** One certificate of the set: what it is made for, and the verdict the chooser must give it. */
export interface ChoiceCertificate {
  name: string;
  dnsNames: string[];
  /** Days from now (negative: past). */
  notBefore: number;
  notAfter: number;
  serverAuth: boolean;
  hasKey: boolean;
  store: 'MY' | 'WebHosting';
  /** The reasons it is not chosen for www.contoso.com from MY; empty for the chosen one. */
  expected: string[];
}

export interface ChoiceStore {
  /** The certs/ folder: MY/ and WebHosting/ with a NAME.key beside each certificate that has one, keys.json for the rest. */
  certsDir: string;
  /** Thumbprints (upper case) by name. */
  thumbprints: Map<string, string>;
  now: Date;
}

export declare const ChoiceSet: ChoiceCertificate[];
export declare function writeChoiceStore(now?: Date, set?: readonly ChoiceCertificate[], parent?: string): ChoiceStore;
