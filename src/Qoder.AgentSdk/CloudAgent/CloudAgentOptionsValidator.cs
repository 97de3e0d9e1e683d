namespace Qoder.AgentSdk.CloudAgent;

/// <summary>Rejects Cloud Agent options the Cloud API cannot serve, before any request is sent.</summary>
internal static class CloudAgentOptionsValidator
{
    private const string Name = nameof(QoderAgentOptions.ExperimentalCloudAgent);

    internal static void Validate(CloudAgentOptions cloud, QoderAuth auth)
    {
        if (auth.Kind != QoderAuthKind.AccessToken)
        {
            throw new QoderConfigurationException(nameof(QoderAgentOptions.Auth), "ExperimentalCloudAgent needs a Personal Access Token: use QoderAuth.AccessToken or QoderAuth.AccessTokenFromEnv.");
        }

        if (cloud.Session is null)
        {
            throw new QoderConfigurationException($"{Name}.Session", "is required: CloudSessionReference.Existing(id), or CloudSessionReference.Create(...) with an Agent.");
        }

        if (cloud.Session.Id is not null)
        {
            if (cloud.Agent is not null)
            {
                throw new QoderConfigurationException($"{Name}.Agent", "cannot be combined with an existing session, which already selects its agent; remove Agent.");
            }

            return;
        }

        if (cloud.Agent is null)
        {
            throw new QoderConfigurationException($"{Name}.Agent", "is required when the session is created; set CloudAgentReference.Existing(id) or CloudAgentReference.Create(...).");
        }

        if (string.IsNullOrWhiteSpace(cloud.Session.CreateParams!.EnvironmentId))
        {
            throw new QoderConfigurationException($"{Name}.Session.CreateParams.EnvironmentId", "is required by the Cloud API to create a session.");
        }
    }
}
