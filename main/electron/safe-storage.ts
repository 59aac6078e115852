/**
 * The credential store's cipher: Electron's safeStorage, which encrypts with a key the operating
 * system keeps for the signed-in user (DPAPI, Keychain, Secret Service/KWallet). Only usable once
 * the app is ready.
 */
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { currentScope } from '../log-file';
import { stateDir } from '../paths';
import { CredentialStore, type SecretCipher } from '../tickets/credentials';

const cipher: SecretCipher = {
  get available() {
    return safeStorage.isEncryptionAvailable();
  },
  // Only Linux has a choice of back ends; elsewhere the OS key store is the only one.
  get backend() {
    return process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
  },
  encrypt: (plain) => safeStorage.encryptString(plain),
  decrypt: (encrypted) => safeStorage.decryptString(encrypted),
};

export function appCredentialStore(): CredentialStore {
  return new CredentialStore(join(stateDir(currentScope()), 'credentials.json'), cipher);
}
