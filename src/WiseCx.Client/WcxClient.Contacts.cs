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
        public ContactService Contacts => _contacts ??= new ContactService(Connection, Pager);

        /// <summary>Organizations of contacts.</summary>
        public OrganizationService Organizations => _organizations ??= new OrganizationService(Connection, Pager);

        /// <summary>Contact groups.</summary>
        public ContactGroupService ContactGroups => _contactGroups ??= new ContactGroupService(Connection, Pager);

        /// <summary>Assistant flows (running a node on a case).</summary>
        public AssistantService Assistants => _assistants ??= new AssistantService(Connection, Pager);
    }
}
