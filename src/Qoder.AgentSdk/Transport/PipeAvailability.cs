using System.IO.Pipes;
using System.Runtime.InteropServices;

namespace Qoder.AgentSdk.Transport;

/// <summary>How many bytes a pipe holds ready to read, so a read of exactly those never blocks.</summary>
internal static partial class PipeAvailability
{
    // FIONREAD in <asm-generic/ioctls.h>: the value on x64 and arm64 Linux.
    private const nuint FionRead = 0x541B;

    /// <summary>
    /// The bytes ready in <paramref name="stream"/>'s pipe, or 0 when that cannot be known: not Linux (ioctl is
    /// variadic, and only Linux passes its third argument like a fixed one on every architecture we run on), not a pipe
    /// stream, or already closed.
    /// </summary>
    public static int Ready(Stream stream)
    {
        if (!OperatingSystem.IsLinux() || stream is not PipeStream pipe)
        {
            return 0;
        }

        try
        {
            var handle = pipe.SafePipeHandle;
            var added = false;
            try
            {
                handle.DangerousAddRef(ref added);
                var ready = 0;
                return IoctlInt((int)handle.DangerousGetHandle(), FionRead, ref ready) == 0 ? ready : 0;
            }
            finally
            {
                if (added)
                {
                    handle.DangerousRelease();
                }
            }
        }
        catch (ObjectDisposedException)
        {
            return 0;
        }
    }

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int IoctlInt(int fd, nuint request, ref int value);
}
