/**
 * IIS compares site names without case: configuration properties are case-insensitive unless
 * their schema says otherwise (Microsoft Learn, IAppHostPropertySchema::IsCaseSensitive: "By
 * default, this property is VARIANT_FALSE"), and the site name, the unique key of the <sites>
 * collection, is not marked case-sensitive. Inferred: that last part is from IIS_schema.xml as
 * we remember it, not quoted from a copy of the file.
 * Windows folds case ordinally (upper case, invariant culture); toUpperCase is that fold.
 */
export function sameSiteName(a: string, b: string): boolean {
  return a === b || a.toUpperCase() === b.toUpperCase();
}

/** The key under which two site names that IIS takes for the same name meet. */
export function siteNameKey(name: string): string {
  return name.toUpperCase();
}
