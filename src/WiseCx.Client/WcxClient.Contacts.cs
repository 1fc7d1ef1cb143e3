using WiseCx.Client.Services;

namespace WiseCx.Client
{
    public sealed partial class WcxClient
    {
        private ContactService? _contacts;
        private OrganizationService? _organizations;
        private ContactGroupService? _contactGroups;
        private AssistantService? _assistants;

        /// <summary>Contacts, and their membership of contact groups.</summary>
        public ContactService Contacts => Service(ref _contacts, (connection, pager) => new ContactService(connection, pager));

        /// <summary>Organizations of contacts.</summary>
        public OrganizationService Organizations => Service(ref _organizations, (connection, pager) => new OrganizationService(connection, pager));

        /// <summary>Contact groups.</summary>
        public ContactGroupService ContactGroups => Service(ref _contactGroups, (connection, pager) => new ContactGroupService(connection, pager));

        /// <summary>Assistant flows (running a node on a case).</summary>
        public AssistantService Assistants => Service(ref _assistants, (connection, pager) => new AssistantService(connection, pager));
    }
}
