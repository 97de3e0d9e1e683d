using System.Text;

namespace Qoder.AgentSdk.Transport;

/// <summary>Cuts stderr chunks into lines (without <c>\n</c> or <c>\r\n</c>), keeping a partial line for the next chunk.</summary>
internal sealed class StderrLineSplitter
{
    private readonly StringBuilder _partial = new();

    public List<string> Push(ReadOnlySpan<char> chunk)
    {
        var lines = new List<string>();
        while (chunk.IndexOf('\n') is var newline and >= 0)
        {
            _partial.Append(chunk[..newline]);
            lines.Add(TakeLine());
            chunk = chunk[(newline + 1)..];
        }

        _partial.Append(chunk);
        return lines;
    }

    /// <summary>The last line when the stream ended without a line break, else <see langword="null"/>.</summary>
    public string? Flush() => _partial.Length == 0 ? null : TakeLine();

    private string TakeLine()
    {
        if (_partial.Length > 0 && _partial[^1] == '\r')
        {
            _partial.Length--;
        }

        var line = _partial.ToString();
        _partial.Clear();
        return line;
    }
}
