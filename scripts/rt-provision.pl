#!/usr/bin/perl
# Prepares a Request Tracker database for Triage's connector tests, idempotently, and prints JSON:
#   { "queue": "Triage", "customField": "CorrelationId", "user": "triage-connector", "token": "…" }
#
# The user gets exactly what a Triage connector needs, on the Triage queue only:
#   SeeQueue       - name the queue when creating a ticket in it
#   CreateTicket   - create the ticket (with its attachment: RT needs no separate right for that)
#   ShowTicket     - read back its own tickets: the attachment check and the idempotency search
#   SeeCustomField, ModifyCustomField (on CorrelationId only) - set the key on create and search by it
# and nothing on any other queue (a second queue, "Internal", proves it sees nothing there).
# Run as www-data with RT_SITE_CONFIG_DIR pointing at the configuration of the database to prepare.
use strict;
use warnings;
use lib '/usr/share/request-tracker5/lib';
use RT;
RT::LoadConfig();
RT::Init();

sub fail { print STDERR "rt-provision: $_[0]\n"; exit 1 }

sub queue_named {
    my ($name, $description) = @_;
    my $queue = RT::Queue->new(RT->SystemUser);
    $queue->Load($name);
    unless ($queue->Id) {
        my ($ok, $msg) = $queue->Create(Name => $name, Description => $description);
        fail("cannot create queue $name: $msg") unless $ok;
    }
    return $queue;
}

my $queue = queue_named('Triage', 'Reports filed by Triage');
my $other = queue_named('Internal', 'A queue the Triage user must not see');

my $cf = RT::CustomField->new(RT->SystemUser);
$cf->LoadByName(Name => 'CorrelationId', LookupType => 'RT::Queue-RT::Ticket');
unless ($cf->Id) {
    my ($ok, $msg) = $cf->Create(Name => 'CorrelationId', Type => 'FreeformSingle', LookupType => 'RT::Queue-RT::Ticket', Description => 'Idempotency key of the submission that created the ticket');
    fail("cannot create the CorrelationId custom field: $msg") unless $ok;
}
unless ($cf->IsAdded($queue->Id)) {
    my ($ok, $msg) = $cf->AddToObject($queue);
    fail("cannot apply CorrelationId to the Triage queue: $msg") unless $ok;
}

my $user = RT::User->new(RT->SystemUser);
$user->Load('triage-connector');
unless ($user->Id) {
    my ($ok, $msg) = $user->Create(Name => 'triage-connector', EmailAddress => 'triage-connector@example.org', RealName => 'Triage connector', Privileged => 1);
    fail("cannot create the user: $msg") unless $ok;
}

sub grant {
    my ($object, $right) = @_;
    return if $user->PrincipalObj->HasRight(Right => $right, Object => $object);
    my ($ok, $msg) = $user->PrincipalObj->GrantRight(Right => $right, Object => $object);
    fail("cannot grant $right: $msg") unless $ok;
}
grant($queue, $_) for qw(SeeQueue CreateTicket ShowTicket);
grant($cf, $_) for qw(SeeCustomField ModifyCustomField);

# A ticket in the other queue, so a test can show the user cannot find it.
my $tickets = RT::Tickets->new(RT->SystemUser);
$tickets->FromSQL("Queue = 'Internal'");
unless ($tickets->Count) {
    my $ticket = RT::Ticket->new(RT->SystemUser);
    my ($id, undef, $msg) = $ticket->Create(Queue => $other->Id, Subject => 'Internal matter', Requestor => ['boss@example.org']);
    fail("cannot create the Internal ticket: $msg") unless $id;
}

my $token = RT::AuthToken->new(RT->SystemUser);
my ($ok, $msg, $secret) = $token->Create(Owner => $user->Id, Description => 'Triage connector tests');
fail("cannot create a token: $msg") unless $ok;

printf "{\"queue\":\"Triage\",\"otherQueue\":\"Internal\",\"customField\":\"CorrelationId\",\"user\":\"triage-connector\",\"token\":\"%s\"}\n", $secret;
