/** The menu's commands and channel; they live in common/ because the preload needs them too. */
export {
  MENU_CHANNEL,
  MENU_COMMANDS,
  isMenuCommand,
  type MenuCommand,
} from '../../common/api-menu.ts';
