function ConvertTo-HttpApiThumbprint {
    <#
    .SYNOPSIS
    Normalizes a thumbprint as copied from certmgr or Get-ChildItem Cert: (spaces, direction marks, any case) to 40 upper-case characters.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        # The thumbprint as typed or pasted.
        [Parameter(Mandatory)]
        [AllowEmptyString()]
        [string] $Thumbprint
    )

    ($Thumbprint -replace '[\s\u200e\u200f\u202a-\u202e]', '').ToUpperInvariant()
}
