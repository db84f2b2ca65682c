function Edit-HttpApiRegexMatch {
    <#
    .SYNOPSIS
    Replaces each match of a regular expression in a text with what a script block makes of the match.

    .DESCRIPTION
    What [regex]::Replace(text, pattern, { param($match) ... }) does, without turning the script block
    into a .NET MatchEvaluator: PowerShell builds that delegate again at every call, about 1.5 ms
    each, and a finding's text goes through four of them (ConvertTo-HttpApiCallerWord). Here the
    script block is invoked once per match and a text without a match comes back as it is.
    The script block runs in a scope below this function's, so it sees its caller's variables.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        # The text to rewrite.
        [Parameter(Mandatory)]
        [AllowEmptyString()]
        [string] $InputText,

        # The regular expression (.NET syntax, case-sensitive).
        [Parameter(Mandatory)]
        [string] $Pattern,

        # Given the System.Text.RegularExpressions.Match, returns the text that replaces it.
        [Parameter(Mandatory)]
        [scriptblock] $Evaluator
    )

    $found = [regex]::Matches($InputText, $Pattern)
    if ($found.Count -eq 0) {
        return $InputText
    }
    $builder = [System.Text.StringBuilder]::new($InputText.Length + 32)
    $copied = 0
    foreach ($one in $found) {
        [void] $builder.Append($InputText, $copied, $one.Index - $copied)
        [void] $builder.Append([string] (& $Evaluator $one))
        $copied = $one.Index + $one.Length
    }
    [void] $builder.Append($InputText, $copied, $InputText.Length - $copied)
    $builder.ToString()
}
