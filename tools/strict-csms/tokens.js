'use strict';
// The tokens the strict CSMS knows, from a DerSim target declaration (its "tokens" section, see the README's
// "Against your own CSMS"): valid ones Accepted with their group, the unknown one Invalid, blocked Blocked, expired
// Expired, the master pass token Accepted with its (Master Pass) group, and any other token Invalid, as a CSMS that knows only its registered tokens answers. Without a
// declaration every token is Accepted.

const fs = require('fs');

function loadTokens(file) {
    if (!file) {
        return null;
    }
    const declaration = JSON.parse(fs.readFileSync(file, 'utf8'));
    const tokens = declaration.tokens ?? {};
    const known = new Map();
    for (const valid of tokens.valid ?? []) {
        known.set(valid.idToken, { status: 'Accepted', groupId: valid.groupId });
    }
    for (const [role, status] of [['unknown', 'Invalid'], ['blocked', 'Blocked'], ['expired', 'Expired'], ['masterPass', 'Accepted']]) {
        if (tokens[role]) {
            known.set(tokens[role].idToken, { status, groupId: tokens[role].groupId });
        }
    }
    return known;
}

// The answer for `idToken`: { status, groupId }.
function tokenAnswer(known, idToken) {
    if (!known) {
        return { status: 'Accepted' };
    }
    return known.get(idToken) ?? { status: 'Invalid' };
}

// 1.6 IdTagInfo.
function idTagInfo(known, idTag) {
    const { status, groupId } = tokenAnswer(known, idTag);
    return groupId ? { status, parentIdTag: groupId } : { status };
}

// 2.x IdTokenInfo (the group as a Central token).
function idTokenInfo(known, idToken) {
    const { status, groupId } = tokenAnswer(known, idToken?.idToken);
    return groupId ? { status, groupIdToken: { idToken: groupId, type: 'Central' } } : { status };
}

module.exports = { loadTokens, idTagInfo, idTokenInfo };
