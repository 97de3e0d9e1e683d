using System.Text;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing.Internal;

/// <summary>Appends one JSON object per line and flushes each, so a killed or crashed stand-in still leaves a readable record.</summary>
internal sealed class RecordWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly Lock _gate = new();

    public RecordWriter(string path)
    {
        _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
    }

    public void Write(string kind, JsonObject entry)
    {
        entry["kind"] = kind;
        var bytes = Encoding.UTF8.GetBytes(entry.ToJsonString(Wire.Options) + "\n");
        lock (_gate)
        {
            _stream.Write(bytes);
            _stream.Flush(flushToDisk: false);
        }
    }

    public void Dispose() => _stream.Dispose();
}
