using WiseCx.Client.Http;
using System.Security;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Creates a contact and returns it as the API then shows it.</para></summary>
    [Cmdlet(VerbsCommon.New, "WcxContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Contact))]
    public sealed class NewWcxContactCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The contact's e-mail address. A contact needs at least one of -Email, -PersonalId or -Phone.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public string? Email { get; set; }

        /// <summary><para type="description">A personal identifier (national id, tax number, …).</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public string? PersonalId { get; set; }

        /// <summary><para type="description">The contact's phone number.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public string? Phone { get; set; }

        /// <summary><para type="description">The contact's name.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public string? Name { get; set; }

        /// <summary><para type="description">The contact's GUID in another system.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public string? Guid { get; set; }

        /// <summary><para type="description">A password for the contact, as a SecureString.</para></summary>
        [Parameter]
        public SecureString? Password { get; set; }

        // No range attribute: piped contacts without an organization bind null, which must pass; the client checks the value.
        /// <summary><para type="description">The organization the contact belongs to (see Get-WcxOrganization).</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public long? OrganizationId { get; set; }

        /// <summary><para type="description">The contact's postal address.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public string? Address { get; set; }

        /// <summary><para type="description">Custom fields as a hashtable: @{ customer_tier = 'gold' }.</para></summary>
        [Parameter]
        public Hashtable? CustomField { get; set; }

        protected override void ProcessWcxRecord()
        {
            var label = Email ?? Phone ?? PersonalId ?? Name;
            ErrorTarget = label;
            var request = new ContactCreateRequest
            {
                Email = Email, PersonalId = PersonalId, Phone = Phone, Name = Name, Guid = Guid,
                OrganizationId = OrganizationId, Address = Address,
                CustomFields = CustomField is null ? null : InputBinder.CustomFields(CustomField),
            };
            ContactService.ValidateCreate(request);
            if (!ShouldProcess("contact " + label, "Create contact"))
                return;
            ContactWriteResult created;
            request.Password = SecureText.Reveal(Password);
            try
            {
                created = Await(Client.Contacts.CreateAsync(request, StopToken));
            }
            finally
            {
                request.Password = null;
            }
            WriteReadBack(created.Id, "Contact " + created.Id + " was created", () => Await(Client.Contacts.GetAsync(created.Id, null, StopToken)), () => new Contact
            {
                Id = created.Id, Email = request.Email, PersonalId = request.PersonalId, Phone = request.Phone, Name = Name,
                Guid = Guid, OrganizationId = OrganizationId, Address = Address, CustomFields = request.CustomFields?.ToArray(),
            });
        }
    }
}
