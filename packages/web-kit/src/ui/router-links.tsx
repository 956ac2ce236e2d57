// Mantine components that navigate with TanStack Router (typed `to`, client-side transitions).
import { Anchor, type AnchorProps, Button, type ButtonProps, NavLink, type NavLinkProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

type AnchorLinkProps = AnchorProps & Omit<ComponentPropsWithRef<'a'>, keyof AnchorProps>;
export const AnchorLink = createLink((props: AnchorLinkProps) => <Anchor component="a" {...props} />);

type ButtonLinkProps = ButtonProps & Omit<ComponentPropsWithRef<'a'>, keyof ButtonProps>;
export const ButtonLink = createLink((props: ButtonLinkProps) => <Button component="a" {...props} />);

type NavLinkLinkProps = NavLinkProps & Omit<ComponentPropsWithRef<'a'>, keyof NavLinkProps>;
export const NavLinkLink = createLink((props: NavLinkLinkProps) => <NavLink component="a" {...props} />);
