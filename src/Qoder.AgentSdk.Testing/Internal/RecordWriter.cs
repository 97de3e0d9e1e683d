using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing.Internal;

/// <summary>
/// Appends one JSON object per line and flushes each, so a killed or crashed stand-in still leaves a readable record.
/// Several stand-ins (a pool) may share one record file: each line is appended under an exclusive file lock, at the
/// current end of the file, so concurrent processes never overwrite each other's lines.
/// </summary>
internal sealed class RecordWriter : IDisposable
{
    private readonly string _path;
    private readonly Lock _gate = new();

    public RecordWriter(string path)
    {
        _path = path;
    }

    public void Write(string kind, JsonObject entry)
    {
        entry["kind"] = kind;
        var bytes = Wire.ToLine(entry);
        lock (_gate)
        {
            using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);

            // macOS has no byte-range locks here; a record shared by several stand-ins is then best effort.
            var locked = !OperatingSystem.IsMacOS() && LockWholeFile(stream);
            try
            {
                stream.Seek(0, SeekOrigin.End);
                stream.Write(bytes.Span);
                stream.Flush(flushToDisk: false);
            }
            finally
            {
                if (locked && !OperatingSystem.IsMacOS())
                {
                    stream.Unlock(0, long.MaxValue);
                }
            }
        }
    }

    public void Dispose()
    {
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("macos")]
    private static bool LockWholeFile(FileStream stream)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                stream.Lock(0, long.MaxValue);
                return true;
            }
            catch (IOException) when (attempt < 2000)
            {
                // Another stand-in is appending; its lock is held for one write. The append is synchronous (it runs
                // on the stand-in's exit path too), so the retry waits on the thread rather than on a timer.
#pragma warning disable RS0030
                Thread.Sleep(1);
#pragma warning restore RS0030
            }
        }
    }
}
