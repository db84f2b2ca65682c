function ConvertTo-HttpApiCallerWord {
    <#
    .SYNOPSIS
    Rewrites a worker message or fix in PowerShell's words: cmdlets for methods and httpapi commands, -Parameters for params and CLI options.

    .DESCRIPTION
    The worker speaks its protocol (pass whatIf, (certificates/replace)) and, in fixes, the httpapi
    command line (httpapi sslcert delete --kind ipport --key 0.0.0.0:443, Give --snapshot DIR). At
    the prompt an admin needs the cmdlet and parameter that do it, so:
    - an httpapi command becomes the cmdlet call that does the same (Remove-HttpSslCert -IPPort ...),
      its values quoted for PowerShell (GUIDs in single quotes, as '{...}' would otherwise be a
      script block);
    - (method/name) becomes (Cmdlet-Name);
    - "pass someParam" and "Pass someParam (--some-param)" become "use -SomeParam" (allowSharedMapping
      is -Force, the acknowledgement); params are told from words by their camelCase;
    - any other --option becomes its -Parameter (--config is -ConfigPath, --netsh is -NetshPath).
    The method and command tables are checked against the worker's methods and the module's cmdlets
    by test/powershell/CallerWords.Tests.ps1.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        # The worker's text.
        [Parameter(Mandatory)]
        [AllowEmptyString()]
        [string] $Text
    )

    # Most texts name no method, command or option, and a bindings answer repeats the same fixes
    # thousands of times: the rewrite below costs a millisecond or two a text (four regular expressions,
    # each with a script block per match), so a text none of them can match is returned as it is,
    # and a rewritten one is remembered. The guard is the union of the four patterns' fixed parts.
    if ($Text -cnotmatch $script:HttpApiCallerWordPattern) {
        return $Text
    }
    if ($script:HttpApiCallerWords.Count -ge 4096) {
        $script:HttpApiCallerWords = New-Object -TypeName 'System.Collections.Generic.Dictionary[string,string]'
    }
    $known = $null
    if ($script:HttpApiCallerWords.TryGetValue($Text, [ref] $known)) {
        return $known
    }

    $cmdletByMethod = $script:HttpApiCmdletByMethod
    $commandMethod = @{
        'sites' = 'sites/list'; 'bindings' = 'bindings/https'; 'sslcert' = 'sslcert/list'; 'urlacl' = 'urlacl/list'
        'certificates' = 'certificates/list'; 'diagnose' = 'diagnostics/run'; 'info' = 'server/info'
        'binding add' = 'bindings/add'; 'binding remove' = 'bindings/remove'; 'binding set-certificate' = 'bindings/setCertificate'; 'binding update' = 'bindings/update'
        'sslcert add' = 'sslcert/add'; 'sslcert update' = 'sslcert/update'; 'sslcert delete' = 'sslcert/delete'
        'urlacl add' = 'urlacl/add'; 'urlacl update' = 'urlacl/update'; 'urlacl delete' = 'urlacl/delete'; 'certificate replace' = 'certificates/replace'
        'snapshot export' = 'snapshot/export'; 'recover' = 'changes/recover'
    }
    # CLI option (a param in kebab case) -> the cmdlets' parameter, where the names differ.
    $parameterByOption = @{
        'config' = 'ConfigPath'; 'netsh' = 'NetshPath'; 'site' = 'SiteName'; 'host' = 'HostName'; 'address' = 'IPAddress'
        'certificate-hash' = 'Thumbprint'; 'old-hash' = 'Thumbprint'; 'new-hash' = 'NewThumbprint'; 'certificate-subject' = 'DnsName'; 'directory' = 'Path'
        'allow-shared-mapping' = 'Force'; 'as-of' = 'AsOf'
    }
    $keyParameter = @{ ipport = 'IPPort'; hostnameport = 'HostnamePort'; ccs = 'CcsPort' }

    $toParameter = {
        param([string] $Option)
        if ($parameterByOption.ContainsKey($Option)) {
            return $parameterByOption[$Option]
        }
        # A loop, not Where-Object and ForEach-Object: their first use in a session costs tens of milliseconds.
        $words = foreach ($word in $Option.Split('-')) {
            if ($word) {
                $word.Substring(0, 1).ToUpperInvariant() + $word.Substring(1)
            }
        }
        @($words) -join ''
    }
    $quote = {
        param([string] $Value)
        if ($Value -match '^[\w.:/*+\[\]@\\-]+$' -and $Value -notmatch '^[\[@]') {
            return $Value
        }
        "'" + $Value.Replace("'", "''") + "'"
    }

    $result = $Text
    # httpapi commands: the command words, then --option value pairs (a value may be quoted), up to
    # the end of the text, a ')' or a sentence's full stop.
    $result = Edit-HttpApiRegexMatch -InputText $result -Pattern 'httpapi((?: [a-z][a-z-]*)+)((?: --[a-z][a-z-]*(?: (?:"[^"]*"|''[^'']*''|[^\s)"''-][^\s)]*?(?=[\s)]|\.?$)))?)*)' -Evaluator {
            param($match)
            $words = $match.Groups[1].Value.Trim()
            $method = $commandMethod[$words]
            if (-not $method -or -not $cmdletByMethod.ContainsKey($method)) {
                return $match.Value
            }
            $options = [ordered]@{}
            foreach ($pair in [regex]::Matches($match.Groups[2].Value, '--([a-z][a-z-]*)(?: ("[^"]*"|''[^'']*''|[^\s-][^\s]*))?')) {
                $value = $pair.Groups[2].Value
                if ($value.Length -ge 2 -and $value[0] -eq $value[$value.Length - 1] -and ($value[0] -eq '"' -or $value[0] -eq "'")) {
                    $value = $value.Substring(1, $value.Length - 2)
                }
                $options[$pair.Groups[1].Value] = $value
            }
            $parts = [System.Collections.Generic.List[string]]::new()
            $parts.Add($cmdletByMethod[$method])
            if ($options.Contains('kind') -and $options.Contains('key') -and $keyParameter.ContainsKey($options['kind'])) {
                $parts.Add('-' + $keyParameter[$options['kind']])
                $parts.Add((& $quote $options['key']))
                $options.Remove('kind')
                $options.Remove('key')
            }
            foreach ($name in @($options.Keys)) {
                $parts.Add('-' + (& $toParameter $name))
                if ($options[$name]) {
                    $parts.Add((& $quote $options[$name]))
                }
            }
            $parts -join ' '
        }
    $result = Edit-HttpApiRegexMatch -InputText $result -Pattern '\(([a-z]+/[a-zA-Z]+)\)' -Evaluator {
            param($match)
            if ($cmdletByMethod.ContainsKey($match.Groups[1].Value)) { '(' + $cmdletByMethod[$match.Groups[1].Value] + ')' } else { $match.Value }
        }
    $result = Edit-HttpApiRegexMatch -InputText $result -Pattern '\b([Pp])ass ([a-z]+[A-Z][A-Za-z]*)(?: \(--[a-z-]+\))?' -Evaluator {
            param($match)
            $name = $match.Groups[2].Value
            $kebab = ($name -creplace '[A-Z]', '-$0').ToLowerInvariant()
            $verb = 'use'
            if ($match.Groups[1].Value -ceq 'P') {
                $verb = 'Use'
            }
            "$verb -$(& $toParameter $kebab)"
        }
    $result = Edit-HttpApiRegexMatch -InputText $result -Pattern '(?<![\w-])--([a-z][a-z0-9-]*)(?: (?:DIR|FILE|PATH)\b)?' -Evaluator {
            param($match)
            '-' + (& $toParameter $match.Groups[1].Value)
        }
    $script:HttpApiCallerWords[$Text] = $result
    $result
}
