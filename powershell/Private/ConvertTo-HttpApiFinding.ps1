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
        $sourceObject.pstypenames.Insert(0, 'HttpApi.Source')
    }

    # Thousands of findings: Certificate, which only some have, reads as null when absent instead of
    # being looked up in PSObject.Properties first (about 9 us a read); type names go through pstypenames.
    Set-StrictMode -Off

    $pattern = $script:HttpApiCallerWordPattern
    $known = $script:HttpApiCallerWords
    $words = $null
    foreach ($finding in $InputObject) {
        # A finding read into the HttpApi.Finding type (Get-HttpApiAnswerType) is typed already.
        if ($finding.GetType().FullName -ne 'HttpApi.Finding') {
            $finding.pstypenames.Insert(0, 'HttpApi.Finding')
        }
        $certificate = $finding.Certificate
        if ($certificate -is [string]) {
            $finding.Certificate = $certificate.Substring($certificate.LastIndexOf(':') + 1)
        }
        # The worker's words (methods, CLI commands) become the module's cmdlets and -Parameters;
        # only a text that can change is handed over (thousands of findings: a call each adds up).
        foreach ($name in 'Fix', 'Message') {
            $text = $finding.$name
            if ($text -is [string] -and $text -cmatch $pattern) {
                if (-not $known.TryGetValue($text, [ref] $words)) {
                    $words = ConvertTo-HttpApiCallerWord -Text $text
                }
                $finding.$name = $words
            }
        }
        if ($sourceObject) {
            $finding.psobject.Properties.Add([System.Management.Automation.PSNoteProperty]::new('HttpApiSource', $sourceObject))
        }
        $finding
    }
}
