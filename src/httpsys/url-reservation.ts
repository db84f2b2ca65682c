/** One access entry of a URL reservation as `netsh http show urlacl` prints it. */
export interface UrlAclUser {
  /** As printed: `\Everyone`, `NT SERVICE\WinRM` (localized on non-English Windows). */
  user: string;
  listen: boolean;
  delegate: boolean;
}

/** An http.sys URL reservation (docs/domain.md §5): a URL prefix, its users, and the SDDL holding them all. */
export interface UrlReservation {
  url: string;
  users: UrlAclUser[];
  /** One logical line even when a console copy wrapped it; null when none was printed. */
  sddl: string | null;
  notes: string[];
}
