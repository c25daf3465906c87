"""Cobblestone-256 (C2SP) from `cryptography`, wrapped for whole byte strings."""

from __future__ import annotations

from cryptography.cobblestone import Cobblestone256Decryptor, Cobblestone256Encryptor


def generate_key() -> bytes:
    return Cobblestone256Encryptor.generate_key()


def encrypt(key: bytes, context: bytes, plaintext: bytes) -> bytes:
    encryptor = Cobblestone256Encryptor(key, context)
    return encryptor.update(plaintext) + encryptor.finalize()


def decrypt(key: bytes, context: bytes, ciphertext: bytes) -> bytes:
    decryptor = Cobblestone256Decryptor(key, context)
    return decryptor.update(ciphertext) + decryptor.finalize()


def decryptor(key: bytes, context: bytes) -> Cobblestone256Decryptor:
    """For decrypting piece by piece (``update`` per chunk, then ``finalize``)."""
    return Cobblestone256Decryptor(key, context)
