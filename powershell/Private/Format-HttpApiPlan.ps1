function Format-HttpApiPlan {
    <#
    .SYNOPSIS
    Renders a worker plan ({ applied, steps }) as the text -WhatIf and -Confirm show.

    .DESCRIPTION
    A netsh step shows the exact command line the worker would run; a config step names the file
    and shows its unified diff.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        # The result of a change method called with whatIf: $true.
        [Parameter(Mandatory)]
        [object] $Plan
    )

    $lines = New-Object -TypeName System.Collections.Generic.List[string]
    $steps = @()
    if ($Plan.PSObject.Properties['steps']) {
        $steps = @($Plan.steps)
    }
    if ($steps.Count -eq 0) {
        $lines.Add('  (nothing to change)')
    }
    $number = 0
    foreach ($step in $steps) {
        $number++
        if ($step.kind -eq 'netsh') {
            $arguments = foreach ($argument in @($step.argv)) {
                if ($argument -match '\s') { '"' + $argument + '"' } else { $argument }
            }
            $lines.Add("  $number. netsh $($arguments -join ' ')")
        }
        elseif ($step.kind -eq 'config') {
            $lines.Add("  $number. edit $($step.file):")
            foreach ($diffLine in ([string] $step.diff).TrimEnd() -split "`r?`n") {
                $lines.Add("     $diffLine")
            }
        }
        else {
            $lines.Add("  $number. $($step.kind)")
        }
        if ($step.PSObject.Properties['description'] -and $step.description) {
            $lines.Add("     ($($step.description))")
        }
    }
    if ($Plan.PSObject.Properties['certificateChoice'] -and $Plan.certificateChoice) {
        $choice = $Plan.certificateChoice
        $lines.Add("  Certificate for $($choice.name) from store $($choice.store): $($choice.chosen)")
        foreach ($candidate in @($choice.candidates)) {
            $verdict = 'not chosen'
            if ($candidate.chosen) {
                $verdict = 'chosen'
            }
            $lines.Add("     $verdict $($candidate.thumbprint) ($($candidate.subject)): $($candidate.why)")
        }
    }
    if ($Plan.PSObject.Properties['affected'] -and @($Plan.affected).Count -gt 0) {
        $affected = foreach ($binding in @($Plan.affected)) { "$($binding.site) $($binding.bindingInformation)" }
        $lines.Add("  Bindings affected: $($affected -join '; ')")
    }
    $lines -join [Environment]::NewLine
}
