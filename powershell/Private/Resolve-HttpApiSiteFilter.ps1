function Resolve-HttpApiSiteFilter {
    <#
    .SYNOPSIS
    Splits -SiteName/-Name values into the names given, the literal ones (no wildcards), and the one site the worker can filter on by itself (exactly one literal name), or $null.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        # The names as bound, possibly $null, empty or with wildcards.
        [AllowNull()]
        [AllowEmptyCollection()]
        [string[]] $Name
    )

    # Loops, not Where-Object: every read cmdlet calls this, and a pipeline costs about a millisecond
    # a call (tens of milliseconds on its first use in a session).
    $names = @(foreach ($item in $Name) { if ($item) { $item } })
    $literalNames = @(foreach ($item in $names) { if (-not [WildcardPattern]::ContainsWildcardCharacters($item)) { $item } })
    $site = $null
    if ($names.Count -eq 1 -and $literalNames.Count -eq 1) {
        $site = $literalNames[0]
    }
    [pscustomobject]@{ Names = $names; LiteralNames = $literalNames; Site = $site }
}
