function ConvertTo-HttpApiFinding {
    <#
    .SYNOPSIS
    Types findings from the worker as HttpApi.Finding, in place, and returns them.

    .DESCRIPTION
    The worker names a finding's certificate by its id, store:thumbprint, the key of the answer's
    certificates list; a finding's Certificate shows the thumbprint, as Cert:\LocalMachine\<store>
    paths and certmgr do.
    #>
    [CmdletBinding()]
    param(
        # Findings parsed from the worker's JSON.
        [Parameter(Mandatory)]
        [AllowEmptyCollection()]
        [object[]] $InputObject,

        # The request's source; added as HttpApiSource when set (findings a cmdlet returns itself).
        [System.Collections.IDictionary] $Source
    )

    $sourceObject = $null
    if ($Source -and $Source.Count -gt 0) {
        $sourceObject = New-Object -TypeName PSObject -Property $Source
        $sourceObject.PSObject.TypeNames.Insert(0, 'HttpApi.Source')
    }

    $pattern = $script:HttpApiCallerWordPattern
    $known = $script:HttpApiCallerWords
    $words = $null
    foreach ($finding in $InputObject) {
        $finding.PSObject.TypeNames.Insert(0, 'HttpApi.Finding')
        $properties = $finding.PSObject.Properties
        $certificate = $properties['Certificate']
        if ($certificate -and $certificate.Value -is [string]) {
            $certificate.Value = $certificate.Value.Substring($certificate.Value.LastIndexOf(':') + 1)
        }
        # The worker's words (methods, CLI commands) become the module's cmdlets and -Parameters;
        # only a text that can change is handed over (thousands of findings: a call each adds up).
        foreach ($name in 'Fix', 'Message') {
            $property = $properties[$name]
            if ($property -and $property.Value -is [string] -and $property.Value -cmatch $pattern) {
                if ($known.TryGetValue($property.Value, [ref] $words)) {
                    $property.Value = $words
                }
                else {
                    $property.Value = ConvertTo-HttpApiCallerWord -Text $property.Value
                }
            }
        }
        if ($sourceObject) {
            $finding.PSObject.Properties.Add([System.Management.Automation.PSNoteProperty]::new('HttpApiSource', $sourceObject))
        }
        $finding
    }
}
