function ConvertTo-HttpApiObject {
    <#
    .SYNOPSIS
    Gives an object parsed from the worker's JSON its PSTypeName, and the objects nested in it theirs.

    .DESCRIPTION
    Property names are already PascalCase (the worker runs with --pascal-case) and every property is kept,
    including ones a newer worker adds. Nested objects get type names by where they sit (a
    binding of a site is an HttpApi.SiteBinding, a finding an HttpApi.Finding, ...), so
    the format views and ToString methods apply at every level. NotBefore and NotAfter become local
    DateTime values, as X509Certificate2 shows them; a finding's Message and Fix name cmdlets and
    parameters instead of the worker's methods and CLI options (ConvertTo-HttpApiCallerWord). The source the object was read from rides
    along as HttpApiSource, so piping it into another cmdlet of the module reads from the same place.

    The walk is a loop over a stack rather than a recursive function: PowerShell function calls
    are slow, and an sslcert listing holds hundreds of nested objects.

    An object read into one of the module's .NET types (Get-HttpApiAnswerType) carries its type name
    already and its dates as UTC DateTime values: it gets no second name, and its dates are made local.
    #>
    [CmdletBinding()]
    param(
        # Objects parsed from the worker's JSON (one or a whole list); changed in place and returned.
        [Parameter(Mandatory)]
        [AllowNull()]
        [AllowEmptyCollection()]
        [object[]] $InputObject,

        # The type name inserted first in PSTypeNames.
        [Parameter(Mandatory)]
        [string] $TypeName,

        # The request's source; added as HttpApiSource when set.
        [System.Collections.IDictionary] $Source
    )

    $roots = @(foreach ($item in $InputObject) { if ($item -is [System.Management.Automation.PSCustomObject] -or ($null -ne $item -and $item.GetType().Namespace -eq 'HttpApi')) { $item } })
    $nested = @{
        'HttpApi.Site' = @{ Bindings = 'HttpApi.SiteBinding'; Findings = 'HttpApi.Finding' }
        'HttpApi.SslCertMapping' = @{ Options = 'HttpApi.SslCertOption' }
        'HttpApi.UrlAcl' = @{ Users = 'HttpApi.UrlAclUser' }
        'HttpApi.ChangeResult' = @{ Steps = 'HttpApi.PlanStep'; Affected = 'HttpApi.BindingRef' }
    }
    # Findings are put in the caller's words by the one function that does it for every cmdlet, all at once.
    $findings = New-Object -TypeName System.Collections.Generic.List[object]
    $stack = New-Object -TypeName System.Collections.Stack
    foreach ($root in $roots) {
        $stack.Push(@($root, $TypeName))
    }
    while ($stack.Count -gt 0) {
        $item = $stack.Pop()
        $object = $item[0]
        $type = $item[1]
        if ($object.GetType().FullName -ne $type) {
            $object.pstypenames.Insert(0, $type)
        }
        if ($type -eq 'HttpApi.Certificate') {
            # Members every certificate has are read directly: PSObject.Properties costs about 9 us a read.
            foreach ($name in 'NotBefore', 'NotAfter') {
                $value = $object.$name
                if ($value -is [string]) {
                    $object.$name = [DateTime]::Parse($value, [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::RoundtripKind).ToLocalTime()
                }
                elseif ($value -is [DateTime] -and $value.Kind -eq [DateTimeKind]::Utc) {
                    $object.$name = $value.ToLocalTime()
                }
            }
        }
        $children = $nested[$type]
        if (-not $children) {
            continue
        }
        foreach ($name in $children.Keys) {
            $property = $object.PSObject.Properties[$name]
            if (-not $property -or $null -eq $property.Value) {
                continue
            }
            $childType = $children[$name]
            $leaf = -not $nested.ContainsKey($childType)
            foreach ($child in @($property.Value)) {
                if ($child -isnot [System.Management.Automation.PSCustomObject]) {
                    continue
                }
                if ($childType -eq 'HttpApi.Finding') {
                    $findings.Add($child)
                }
                elseif ($leaf -and $childType -ne 'HttpApi.Certificate') {
                    # Most nested objects (options, users) hold nothing typed: no stack round trip.
                    $child.pstypenames.Insert(0, $childType)
                }
                else {
                    $stack.Push(@($child, $childType))
                }
            }
        }
    }
    [void] (ConvertTo-HttpApiFinding -InputObject $findings.ToArray())
    if ($Source -and $Source.Count -gt 0) {
        $sourceObject = New-Object -TypeName PSObject -Property $Source
        $sourceObject.pstypenames.Insert(0, 'HttpApi.Source')
        foreach ($root in $roots) {
            $root.PSObject.Properties.Add([System.Management.Automation.PSNoteProperty]::new('HttpApiSource', $sourceObject))
        }
    }
    $roots
}
