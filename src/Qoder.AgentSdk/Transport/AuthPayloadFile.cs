using System.Text.Json;

namespace Qoder.AgentSdk.Transport;

/// <summary>
/// The one-time auth payload: a private folder (0700) holding <c>payload.json</c> (0600). The CLI reads and deletes the file;
/// disposing removes the folder, whether start-up succeeded or not.
/// </summary>
internal sealed class AuthPayloadFile : IDisposable
{
    private AuthPayloadFile(string directory, string path)
    {
        Directory = directory;
        FilePath = path;
    }

    public string Directory { get; }

    public string FilePath { get; }

    public static AuthPayloadFile Create(QoderAuth auth, IReadOnlyDictionary<string, string?> environment)
    {
        var payload = BuildPayload(auth, environment);
        var directory = System.IO.Directory.CreateTempSubdirectory("qoder-sdk-auth-").FullName;
        var file = new AuthPayloadFile(directory, Path.Combine(directory, "payload.json"));
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(file.FilePath, options))
            {
                stream.Write(payload);
            }

            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A second attempt after the process exits is not possible here; the folder is private and the CLI deletes the file itself.
        }
    }

    private static byte[] BuildPayload(QoderAuth auth, IReadOnlyDictionary<string, string?> environment)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            switch (auth.Kind)
            {
                case QoderAuthKind.AccessToken:
                    writer.WriteString("type", "accessToken");
                    writer.WriteString("accessToken", auth.ResolveToken(environment));
                    break;
                case QoderAuthKind.QoderCliLogin:
                    writer.WriteString("type", "qodercli");
                    break;
                case QoderAuthKind.ServiceAccount when auth.FetchToken is not null:
                    writer.WriteString("type", "serviceAccount");
                    writer.WriteString("serviceAccountTokenProvider", "host");
                    break;
                case QoderAuthKind.ServiceAccount:
                    writer.WriteString("type", "serviceAccount");
                    writer.WriteString("serviceAccountKey", auth.ResolveToken(environment));
                    break;
                case QoderAuthKind.JobToken:
                    writer.WriteString("type", "jobToken");
                    writer.WriteString("jobTokenProvider", "host");
                    break;
                default:
                    throw new InvalidOperationException($"{auth.Kind} has no auth payload.");
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
