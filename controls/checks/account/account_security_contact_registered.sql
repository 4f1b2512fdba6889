-- CIS "security contact information is registered": every account has a SECURITY alternate contact, so AWS
-- security notifications reach the team that acts on them. An account whose contacts were never collected
-- fails with its own reason (no row is not a registered contact).
SELECT
  'arn:' || a.partition || ':iam::' || a.account_id || ':root' AS resource_id,
  a.account_id,
  'global' AS region,
  CASE
    WHEN c.account_id IS NULL THEN 'The alternate contacts of this account were not collected; the security contact cannot be confirmed'
    ELSE 'No security alternate contact is registered: AWS security notifications go only to the root email address'
  END AS reason
FROM aws_accounts a
LEFT JOIN aws_account_alternate_contacts c ON c.account_id = a.account_id AND c.contact_type = 'SECURITY'
WHERE c.configured IS NOT TRUE
ORDER BY a.account_id;
