# Under Constrained Language Mode (an application control policy and an unsigned module) the
# module refuses to load with one message saying why, instead of failing call by call.

Describe 'The module in Constrained Language Mode' {
    It 'refuses to load, naming the mode and what to do' {
        $manifest = Join-Path -Path $PSScriptRoot -ChildPath '../../powershell/HttpApi.psd1'
        # A runspace of its own: a session cannot leave Constrained Language Mode once in it.
        $runspace = [runspacefactory]::CreateRunspace()
        $runspace.Open()
        $shell = [powershell]::Create()
        try {
            $shell.Runspace = $runspace
            $null = $shell.AddScript({
                    param($manifest)
                    $ExecutionContext.SessionState.LanguageMode = 'ConstrainedLanguage'
                    try { Import-Module -Name $manifest -ErrorAction Stop; 'LOADED' } catch { $_.Exception.Message }
                }).AddArgument($manifest)
            $output = $shell.Invoke()
        } finally {
            $shell.Dispose()
            $runspace.Dispose()
        }
        ($output -join "`n") | Should -BeLike 'HttpApi cannot run in ConstrainedLanguage mode*Sign the module*httpapi command line.'
    }
}
