# Baseline (a): what an administrator writes by hand to list the https bindings of IIS with
# the certificate hash http.sys has for each: [xml] over applicationHost.config, and a parse of
# `netsh http show sslcert` (here its capture, sslcert.txt). SNI bindings look up
# hostname:port, the others ip:port with * as 0.0.0.0; no fallback, no certificate files,
# no findings: less than the product does, which makes it a generous baseline.
function Get-AdminHttpsBinding {
    param([Parameter(Mandatory = $true)] [string] $Snapshot)

    $config = [xml] (Get-Content -LiteralPath (Join-Path $Snapshot 'applicationHost.config') -Raw)
    $hashes = @{}
    $key = $null
    foreach ($line in Get-Content -LiteralPath (Join-Path $Snapshot 'sslcert.txt')) {
        if ($line -match '^\s*(IP:port|Hostname:port)\s+:\s*(\S+)') {
            $key = $Matches[2]
        } elseif ($line -match '^\s*Certificate Hash\s+:\s*(\S+)' -and $key) {
            $hashes[$key] = $Matches[1]
        }
    }
    foreach ($site in $config.configuration.'system.applicationHost'.sites.site) {
        foreach ($binding in $site.bindings.binding) {
            if ($binding.protocol -ne 'https') { continue }
            $parts = $binding.bindingInformation -split ':'
            $hostName = $parts[-1]
            $port = $parts[-2]
            $address = ($parts[0..($parts.Count - 3)] -join ':')
            if ([int] $binding.sslFlags -band 1) {
                $lookup = "${hostName}:$port"
            } elseif ($address -eq '*' -or $address -eq '') {
                $lookup = "0.0.0.0:$port"
            } else {
                $lookup = "${address}:$port"
            }
            [pscustomobject]@{
                Site            = $site.name
                Binding         = $binding.bindingInformation
                Mapping         = $lookup
                CertificateHash = $hashes[$lookup]
            }
        }
    }
}
