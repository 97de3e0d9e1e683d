using Microsoft.Extensions.Configuration;

namespace Qoder.Extensions.Hosting.Binding;

/// <summary>
/// The configuration shape of <see cref="QoderHostingOptions"/> (<c>Qoder</c>, and <c>Qoder:Agents:&lt;name&gt;</c> on
/// top), bound by the configuration binding source generator so that trimmed and native AOT hosts bind exactly what
/// others do. The pool, resilience and conversation settings are plain options and are bound in place.
/// </summary>
internal sealed class HostingOptionsConfiguration
{
    public AgentOptionsConfiguration? Agent { get; set; }

    public QoderAuthMode? Auth { get; set; }

    public string? PersonalAccessToken { get; set; }

    public string? ServiceAccountKey { get; set; }

    public bool? LogSensitiveData { get; set; }

    /// <summary>Binds <paramref name="section"/> onto <paramref name="options"/>, keeping what the section does not set.</summary>
    public static void Bind(IConfiguration section, QoderHostingOptions options)
    {
        if (section.Get<HostingOptionsConfiguration>() is { } values)
        {
            values.Agent?.ApplyTo(options.Agent);
            options.Auth = values.Auth ?? options.Auth;
            options.PersonalAccessToken = values.PersonalAccessToken ?? options.PersonalAccessToken;
            options.ServiceAccountKey = values.ServiceAccountKey ?? options.ServiceAccountKey;
            options.LogSensitiveData = values.LogSensitiveData ?? options.LogSensitiveData;
        }

        section.GetSection(nameof(QoderHostingOptions.Pool)).Bind(options.Pool);
        section.GetSection(nameof(QoderHostingOptions.Resilience)).Bind(options.Resilience);
        section.GetSection(nameof(QoderHostingOptions.Conversations)).Bind(options.Conversations);
    }
}
