using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing.Internal.Faults;

/// <summary>Faults that stress the host's process handling: lines past its limit, stderr floods, and grandchildren that outlive the stand-in.</summary>
internal static class ProcessFaults
{
    /// <summary>One valid JSON line of <paramref name="size"/> bytes (newline excluded), or the smallest such line if that is less.</summary>
    public static byte[] OversizedLine(long size)
    {
        var prefix = "{\"type\":\"bogus_big\",\"data\":\""u8;
        var suffix = "\"}\n"u8;
        var total = (int)Math.Max(size + 1, prefix.Length + suffix.Length);
        var bytes = new byte[total];
        prefix.CopyTo(bytes);
        bytes.AsSpan(prefix.Length, total - prefix.Length - suffix.Length).Fill((byte)'x');
        suffix.CopyTo(bytes.AsSpan(total - suffix.Length));
        return bytes;
    }

    /// <summary>Writes <paramref name="total"/> bytes of 1 KiB lines to stderr, as fast as the host drains them.</summary>
    public static async Task FloodStderrAsync(Stream stderr, long total, CancellationToken ct)
    {
        var chunk = new byte[64 * 1024];
        chunk.AsSpan().Fill((byte)'e');
        for (var i = 1023; i < chunk.Length; i += 1024)
        {
            chunk[i] = (byte)'\n';
        }

        try
        {
            for (long written = 0; written < total; written += chunk.Length)
            {
                await stderr.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, total - written)), ct).ConfigureAwait(false);
            }

            await stderr.FlushAsync(ct).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The host closed its end of stderr.
        }
    }

    /// <summary>Starts a long <c>sleep</c>; inheriting stdio, it keeps the host's pipes open after the stand-in exits.</summary>
    public static void SpawnGrandchild(bool inheritStdio, RecordWriter? record)
    {
        var info = new ProcessStartInfo("sleep", "600")
        {
            UseShellExecute = false,
            RedirectStandardInput = !inheritStdio,
            RedirectStandardOutput = !inheritStdio,
            RedirectStandardError = !inheritStdio,
        };
        using var process = Process.Start(info);
        if (process is not null)
        {
            record?.Write("grandchild", new JsonObject { ["pid"] = process.Id });
        }
    }
}
