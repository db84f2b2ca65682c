function Get-HttpApiBufferedFrame {
    <#
    .SYNOPSIS
    Takes one complete frame's body off the connection's receive buffer, or returns $null if none is complete yet.

    .DESCRIPTION
    A frame is header lines ("Name: value", CRLF-terminated), an empty line, then Content-Length
    bytes of UTF-8 JSON. Anything else on stdout means the worker broke the protocol: a
    WORKER_PROTOCOL_ERROR record is thrown as soon as a complete line is not a header, or when no
    header ends within 8 KiB. The header is scanned as ASCII, one character per byte, so string
    positions are byte offsets. Once a header is read and its body is not complete, the buffer is
    grown to hold the whole frame, so Read-HttpApiFrame reads the rest straight into it and the
    body is decoded once.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        # The worker connection.
        [Parameter(Mandatory)]
        [hashtable] $Connection
    )

    $maximumHeader = 8192
    $length = $Connection.Filled
    if ($length -eq 0) {
        return $null
    }
    $bytes = $Connection.Buffer
    $text = [System.Text.Encoding]::ASCII.GetString($bytes, 0, [Math]::Min($length, $maximumHeader))
    $headerEnd = $text.IndexOf("`r`n`r`n", [System.StringComparison]::Ordinal)
    $headerText = $text
    if ($headerEnd -ge 0) {
        $headerText = $text.Substring(0, $headerEnd + 2)
    }
    $lines = $headerText.Split([char] "`n")
    $complete = $lines.Count - 1
    $contentLength = -1
    for ($index = 0; $index -lt $complete; $index++) {
        $line = $lines[$index].TrimEnd([char] "`r")
        if ($line -notmatch '^([A-Za-z0-9-]+):[ \t]*(.*)$') {
            $shown = $text
            if ($shown.Length -gt 200) {
                $shown = $shown.Substring(0, 200) + '...'
            }
            $message = "The HttpApi worker broke the protocol: expected a Content-Length header on stdout, got '$($shown.Trim())'."
            throw (New-HttpApiErrorRecord -Message $message -ErrorId 'WORKER_PROTOCOL_ERROR' -Category InvalidResult -TargetObject $line -ClientError)
        }
        $name = $Matches[1]
        $value = $Matches[2].Trim()
        if ($name -eq 'Content-Length') {
            $parsed = 0
            if (-not [int]::TryParse($value, [ref] $parsed) -or $parsed -lt 0) {
                throw (New-HttpApiErrorRecord -Message "The HttpApi worker broke the protocol: Content-Length '$value' is not a byte count." `
                        -ErrorId 'WORKER_PROTOCOL_ERROR' -Category InvalidResult -TargetObject $line -ClientError)
            }
            $contentLength = $parsed
        }
        elseif ($name -eq 'Content-Type' -and $value -match 'charset=' -and $value -notmatch 'charset=utf-?8') {
            throw (New-HttpApiErrorRecord -Message "The HttpApi worker broke the protocol: unsupported $line (only UTF-8 is spoken)." `
                    -ErrorId 'WORKER_PROTOCOL_ERROR' -Category InvalidResult -TargetObject $line -ClientError)
        }
    }
    if ($headerEnd -lt 0) {
        if ($length -ge $maximumHeader) {
            throw (New-HttpApiErrorRecord -Message "The HttpApi worker broke the protocol: no end of header within $maximumHeader bytes of stdout." `
                    -ErrorId 'WORKER_PROTOCOL_ERROR' -Category InvalidResult -ClientError)
        }
        return $null
    }
    if ($contentLength -lt 0) {
        throw (New-HttpApiErrorRecord -Message 'The HttpApi worker broke the protocol: a frame header without Content-Length.' `
                -ErrorId 'WORKER_PROTOCOL_ERROR' -Category InvalidResult -TargetObject $headerText -ClientError)
    }
    $bodyStart = $headerEnd + 4
    $frameEnd = $bodyStart + $contentLength
    if ($length -lt $frameEnd) {
        # Only ever with no read pending: a pending read fills the array it was given, and what is
        # buffered, so this decision, changes only when a read completes.
        if ($bytes.Length -lt $frameEnd) {
            $grown = New-Object -TypeName byte[] -ArgumentList $frameEnd
            [System.Buffer]::BlockCopy($bytes, 0, $grown, 0, $length)
            $Connection.Buffer = $grown
        }
        # Read-HttpApiFrame asks again only once this much is buffered.
        $Connection.FrameEnd = $frameEnd
        return $null
    }
    $Connection.FrameEnd = 0
    $body = [System.Text.Encoding]::UTF8.GetString($bytes, $bodyStart, $contentLength)
    # What follows the frame (the start of the next one) moves to the front.
    if ($length -gt $frameEnd) {
        [System.Buffer]::BlockCopy($bytes, $frameEnd, $bytes, 0, $length - $frameEnd)
    }
    $Connection.Filled = $length - $frameEnd
    $body
}
