function ConvertTo-HttpApiUrlAclUser {
    <#
    .SYNOPSIS
    Builds the users param of urlacl/add and urlacl/update from a cmdlet's -User, -Listen and -Delegate.

    .DESCRIPTION
    -Listen and -Delegate apply to every user named. One not given is left out, so the worker's
    defaults hold (listen yes, delegate no, as netsh's).
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Specialized.OrderedDictionary])]
    param(
        # The accounts to reserve for.
        [Parameter(Mandatory)]
        [string[]] $User,

        # The calling cmdlet's $PSBoundParameters, for -Listen and -Delegate.
        [Parameter(Mandatory)]
        [System.Collections.IDictionary] $BoundParameters
    )

    foreach ($name in $User) {
        $entry = [ordered]@{ user = $name }
        foreach ($right in 'Listen', 'Delegate') {
            if ($BoundParameters.ContainsKey($right)) {
                $entry[$right.ToLowerInvariant()] = [bool] $BoundParameters[$right]
            }
        }
        $entry
    }
}
