function ConvertTo-HttpApiSslOption {
    <#
    .SYNOPSIS
    Collects the SSL option parameters given to Add-HttpSslCert or Set-HttpSslCert as the options param (netsh parameter = value).

    .DESCRIPTION
    Only parameters actually given are sent: netsh's own default applies to the others on add, and
    Set-HttpSslCert carries the mapping's current values over for them. A switch given as
    -Name:$false is sent as false (disable). The keys are the netsh parameters, which are the option
    names in lower case.
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Specialized.OrderedDictionary])]
    param(
        # The cmdlet's $PSBoundParameters.
        [Parameter(Mandatory)]
        [System.Collections.IDictionary] $BoundParameters
    )

    $options = [ordered]@{}
    foreach ($name in $script:HttpApiSslOptionNames) {
        if (-not $BoundParameters.ContainsKey($name)) {
            continue
        }
        $value = $BoundParameters[$name]
        if ($value -is [System.Management.Automation.SwitchParameter]) {
            $value = $value.IsPresent
        }
        $options[$name.ToLowerInvariant()] = $value
    }
    $options
}
