# Where a warm Get-IisHttpsBinding call spends its time on the PowerShell side, from inside the
# module (its private functions, as the cmdlet calls them): the request round trip through
# Invoke-HttpApiRequest (frame out, frame in, JSON to objects), the module's reading of the frame alone
# (ConvertFrom-HttpApiJson: System.Text.Json into the answer's types on PowerShell 7 for a frame of 1 MB
# or more, else ConvertFrom-Json) and a plain ConvertFrom-Json of the same frame, and turning the result into HttpApi.HttpsBinding
# objects (joining each binding to its mappings and certificate by id); and the whole call with progress reporting off ($ProgressPreference), since the
# worker reports progress for bindings/https and Write-Progress has a cost of its own; and the default
# table a console shows of the objects, which is not part of the call.
# Medians; prints one JSON line.
# Run: pwsh -NoProfile -File measure-cmdlet-parts.ps1 -Module PATH.psd1 -Snapshot DIR -AsOf 2026-06-01T00:00:00Z
param(
    [Parameter(Mandatory = $true)] [string] $Module,
    [Parameter(Mandatory = $true)] [string] $Snapshot,
    # The moment certificate dates are judged as of, as the CLI rows use: the data's certificates
    # would otherwise age into the expiry warnings, and the answer grow with the date of the run.
    [Parameter(Mandatory = $true)] [datetime] $AsOf,
    [int] $Calls = 5
)
$ErrorActionPreference = 'Stop'
Import-Module $Module
$Snapshot = (Resolve-Path -LiteralPath $Snapshot).ProviderPath
$null = Get-IisHttpsBinding -Snapshot $Snapshot -AsOf $AsOf
$median = { param($values) $sorted = @($values | Sort-Object); $sorted[[int][Math]::Floor($sorted.Count / 2)] }

# Alternating, so that both meet the same machine load. The module sees the global preference.
$cmdlet = New-Object System.Collections.Generic.List[double]
$quiet = New-Object System.Collections.Generic.List[double]
foreach ($call in 1..$Calls) {
    $global:ProgressPreference = 'Continue'
    $cmdlet.Add((Measure-Command { $null = Get-IisHttpsBinding -Snapshot $Snapshot -AsOf $AsOf }).TotalMilliseconds)
    $global:ProgressPreference = 'SilentlyContinue'
    $quiet.Add((Measure-Command { $null = Get-IisHttpsBinding -Snapshot $Snapshot -AsOf $AsOf }).TotalMilliseconds)
}
$global:ProgressPreference = 'Continue'
$parts = & (Get-Module HttpApi) {
    param($snapshot, $calls, $asOf)
    $params = [ordered]@{ live = $false; asOf = $asOf; source = @{ snapshot = $snapshot } }
    $request = foreach ($call in 1..$calls) { (Measure-Command { $null = Invoke-HttpApiRequest -Method 'bindings/https' -Params $params -TypedAnswer }).TotalMilliseconds }
    # The frame's text, from an answer read by ConvertFrom-Json (ConvertTo-Json of the typed objects would add their computed members).
    $script:benchResponse = Invoke-HttpApiRequest -Method 'bindings/https' -Params $params
    $ping = foreach ($call in 1..($calls * 4)) { (Measure-Command { $null = Invoke-HttpApiRequest -Method 'server/info' -Params ([ordered]@{}) }).TotalMilliseconds }
    $frame = ConvertTo-Json -InputObject $script:benchResponse -Depth 32 -Compress
    $read = foreach ($call in 1..$calls) { (Measure-Command { $null = ConvertFrom-HttpApiJson -Json $frame -AnswerOf 'bindings/https' }).TotalMilliseconds }
    $plain = foreach ($call in 1..$calls) { (Measure-Command { $null = ConvertFrom-Json -InputObject $frame }).TotalMilliseconds }
    # The conversion types and joins the parsed objects in place, so each call gets a fresh parse.
    $convert = foreach ($call in 1..$calls) {
        $parsed = (ConvertFrom-HttpApiJson -Json $frame -AnswerOf 'bindings/https').result
        (Measure-Command { $null = @(ConvertTo-HttpApiHttpsBinding -Result $parsed -Source @{ snapshot = $snapshot }) }).TotalMilliseconds
    }
    # What a console adds: the default table of the call's objects (Format-Table, then its text at 120 columns).
    $shown = @(ConvertTo-HttpApiHttpsBinding -Result (ConvertFrom-HttpApiJson -Json $frame -AnswerOf 'bindings/https').result -Source @{ snapshot = $snapshot })
    $table = foreach ($call in 1..$calls) { (Measure-Command { $null = $shown | Format-Table | Out-String -Width 120 }).TotalMilliseconds }
    [pscustomobject]@{ request = $request; ping = $ping; read = $read; plain = $plain; convert = $convert; table = $table; bindings = @($script:benchResponse.result.bindings).Count; frameChars = $frame.Length }
} $Snapshot $Calls $AsOf.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", [Globalization.CultureInfo]::InvariantCulture)
[pscustomobject]@{
    bindings                 = $parts.bindings
    frameChars               = $parts.frameChars
    cmdletMs                 = & $median $cmdlet
    cmdletNoProgressMs       = & $median $quiet
    requestMs                = & $median $parts.request
    serverInfoRequestMs      = & $median $parts.ping
    convertFromHttpApiJsonMs = & $median $parts.read
    convertFromJsonMs        = & $median $parts.plain
    convertToBindingMs       = & $median $parts.convert
    defaultTableMs           = & $median $parts.table
} | ConvertTo-Json -Compress
