using WiseCx.Client.Filtering;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>Field names of /queues.</summary>
    public sealed class QueueFieldCompleter : FieldCompleter
    {
        internal override EndpointSpec Endpoint => Endpoints.Queues;
    }

    /// <summary>Field names of /users.</summary>
    public sealed class UserFieldCompleter : FieldCompleter
    {
        internal override EndpointSpec Endpoint => Endpoints.Users;
    }
}
