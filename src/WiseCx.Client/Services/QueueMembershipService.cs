namespace WiseCx.Client.Services
{
    /// <summary>
    /// Base of the two services that see queue memberships from one side each (<see cref="QueueService"/>: the users
    /// of a service group; <see cref="UserService"/>: the service groups of a user): get one, create, and the batched
    /// membership writes, whose answers are summed into one result.
    /// </summary>
    /// <typeparam name="T">What the service lists: <see cref="Queue"/> or <see cref="User"/>.</typeparam>
    public abstract class QueueMembershipService<T> : ApiService where T : WcxObject
    {
        private readonly EndpointSpec _endpoint;
        private readonly string _noun;
        private readonly string _memberNoun;
        private readonly string _memberParameter;

        private protected QueueMembershipService(WcxConnection connection, Pager pager, EndpointSpec endpoint, string noun,
            string memberNoun, string memberParameter) : base(connection, pager)
        {
            _endpoint = endpoint;
            _noun = noun;
            _memberNoun = memberNoun;
            _memberParameter = memberParameter;
        }

        /// <summary>One by id (GET /{path}/{id}), with only <paramref name="fields"/> when given.</summary>
        public Task<T> GetAsync(long id, IReadOnlyList<string>? fields, CancellationToken cancellationToken)
        {
            RequireId(id, _noun);
            return GetObjectAsync<T>(_endpoint.Path + "/" + id, wrapped: true, cancellationToken, _endpoint, fields);
        }

        /// <summary>POSTs a checked create request; returns the new id.</summary>
        private protected async Task<long> PostCreateAsync(object request, CancellationToken cancellationToken)
        {
            var created = await SendAsync<CreatedObject>(HttpMethod.Post, _endpoint.Path, request, wrapped: true, cancellationToken).ConfigureAwait(false);
            return created.Id;
        }

        /// <summary>
        /// Adds members to <paramref name="ownerId"/> or changes their auto-assign: one PUT /{path}/{id}/{members} per
        /// batch, the answers summed into <paramref name="total"/>.
        /// </summary>
        private protected async Task<QueueMembershipSummary> PutMembersAsync(long ownerId, string membersPath,
            IEnumerable<QueueAssignment> members, QueueMembershipSummary total, CancellationToken cancellationToken)
        {
            RequireId(ownerId, _noun, OwnerParameter);
            var assignments = Memberships.Normalize(members, _memberNoun, _memberParameter);
            foreach (var batch in Batching.Split(assignments))
            {
                var answer = await SendAsync<QueueMembershipSummary>(HttpMethod.Put, _endpoint.Path + "/" + ownerId + "/" + membersPath, batch,
                    wrapped: true, cancellationToken).ConfigureAwait(false);
                total.Added += answer.Added;
                total.Updated += answer.Updated;
                total.Unchanged += answer.Unchanged;
            }
            return total;
        }

        /// <summary>The member ids to remove, checked and without repeats (the owner's id is checked first).</summary>
        private protected List<long> MemberIdsToRemove(long ownerId, IEnumerable<long> memberIds)
        {
            RequireId(ownerId, _noun, OwnerParameter);
            return Batching.DistinctIds(memberIds, _memberNoun, _memberParameter);
        }

        /// <summary>
        /// Removes members with the bulk DELETE /{path}/{id}/{members}, one request per batch (its body made by
        /// <paramref name="bodyOf"/>), the removals summed into <paramref name="total"/>.
        /// </summary>
        private protected async Task<QueueMembershipRemoval> DeleteMembersAsync(long ownerId, string membersPath, List<long> ids,
            Func<List<long>, object> bodyOf, QueueMembershipRemoval total, CancellationToken cancellationToken)
        {
            foreach (var batch in Batching.Split(ids))
            {
                var answer = await SendAsync<QueueMembershipRemoval>(HttpMethod.Delete, _endpoint.Path + "/" + ownerId + "/" + membersPath, bodyOf(batch),
                    wrapped: true, cancellationToken).ConfigureAwait(false);
                total.Removed += answer.Removed;
            }
            return total;
        }

        // "QueueId", "UserId": the parameter a bad owner id is reported against.
        private string OwnerParameter => char.ToUpperInvariant(_noun[0]) + _noun.Substring(1) + "Id";
    }

    /// <summary>The <c>{"id": …}</c> a create answers with, inside <c>data</c>.</summary>
    internal sealed class CreatedObject
    {
        public long Id { get; set; }
    }

    /// <summary>Rules shared by the two membership directions (users of a queue, queues of a user).</summary>
    internal static class Memberships
    {
        /// <summary>Positive ids, repeats dropped; the same id asked with two different auto-assign values is refused.</summary>
        public static List<QueueAssignment> Normalize(IEnumerable<QueueAssignment>? items, string what, string parameter)
        {
            var byId = new Dictionary<long, QueueAssignment>();
            var order = new List<QueueAssignment>();
            foreach (var item in items ?? Enumerable.Empty<QueueAssignment>())
            {
                if (item is null || item.Id <= 0)
                    throw new WcxInputException("A " + what + " id is a positive number; got " + (item?.Id.ToString() ?? "null") + ".", parameter);
                if (byId.TryGetValue(item.Id, out var seen))
                {
                    if (seen.AutoAssign != item.AutoAssign)
                        throw new WcxInputException(what + " " + item.Id + " is given twice, with and without auto-assign.", parameter);
                    continue;
                }
                byId[item.Id] = item;
                order.Add(item);
            }
            if (order.Count == 0)
                throw new WcxInputException("Give at least one " + what + " id.", parameter);
            return order;
        }
    }
}
